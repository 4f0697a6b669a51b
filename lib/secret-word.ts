// How the family's words are compared: case, accents and surrounding spaces never matter,
// so "Mazapán " and "mazapan" are the same word (a panicked reply will not be typed carefully).

export const SECRET_WORD_MIN_LENGTH = 4;
export const SECRET_WORD_MAX_LENGTH = 40;

export function normalizeSecretWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Full names and each of their parts of three letters or more, normalized like the words. */
export function nameVariants(names: string[]): Set<string> {
  const variants = new Set<string>();
  for (const name of names) {
    const normalized = normalizeSecretWord(name);
    if (normalized) variants.add(normalized);
    for (const part of normalized.split(" ")) if (part.length >= 3) variants.add(part);
  }
  return variants;
}
