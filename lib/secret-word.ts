// How the family's words and the replies that may hold them are read. Case, accents,
// punctuation and emoji never matter ("¡Mazapán!" is "mazapan"), and a word is found as a
// run of whole tokens inside a reply (a panicked reply will not be typed carefully).

export const SECRET_WORD_MIN_LENGTH = 4;
export const SECRET_WORD_MAX_LENGTH = 40;
/** A word is at most this many tokens ("pan de elote"). */
export const SECRET_WORD_MAX_TOKENS = 3;

/** Lower case, no accents, only letters and digits: the tokens of a text. */
export function textTokens(text: string): string[] {
  // NFKD folds lookalikes (fullwidth, mathematical letters, the long s) into plain letters;
  // format characters (zero-width spaces and joiners) must not split a word.
  return text
    .normalize("NFKD")
    .replace(/\p{Cf}/gu, "")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function normalizeSecretWord(word: string): string {
  return textTokens(word).join(" ");
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

// Carrier keywords of both languages. YES/SÍ are deliberately not START words: contacts
// answer YES to "can you see Ana right now?".
export const stopKeywords = new Set([
  "stop",
  "stopall",
  "unsubscribe",
  "cancel",
  "end",
  "quit",
  "revoke",
  "optout",
  "alto",
  "parar",
  "para",
  "baja",
  "cancelar",
  "detener",
  "fin",
  "terminar",
]);
export const startKeywords = new Set(["start", "unstop", "subscribe", "resume", "inicio", "iniciar", "alta", "reanudar", "empezar"]);
export const helpKeywords = new Set(["help", "info", "ayuda", "informacion", "soporte"]);
export const yesWords = new Set(["yes", "yeah", "yep", "si", "sip", "simon", "claro"]);
export const noWords = new Set(["no", "n", "nope", "nel"]);

/**
 * Words of ordinary short replies ("ya voy", "estoy bien", "who is this?"). They are never part
 * of an attempt at a word, so a sentence made of them spends no guess, and the setup refuses a
 * family word made only of them.
 */
export const fillerWords = new Set([
  // Spanish
  "a",
  "ahi",
  "ahora",
  "ahorita",
  "al",
  "aqui",
  "amor",
  "bien",
  "bueno",
  "buenas",
  "casa",
  "como",
  "con",
  "de",
  "del",
  "donde",
  "el",
  "ella",
  "en",
  "es",
  "esta",
  "estas",
  "estoy",
  "eres",
  "gracias",
  "hola",
  "ir",
  "la",
  "las",
  "le",
  "llamo",
  "llego",
  "lo",
  "los",
  "luego",
  "ma",
  "mama",
  "mami",
  "me",
  "mi",
  "muy",
  "nada",
  "ok",
  "oki",
  "okey",
  "pa",
  "papa",
  "papi",
  "para",
  "pasa",
  "pasó",
  "paso",
  "perdon",
  "pero",
  "por",
  "porque",
  "que",
  "quien",
  "se",
  "sí",
  "soy",
  "su",
  "ta",
  "te",
  "tengo",
  "todo",
  "tu",
  "un",
  "una",
  "va",
  "vale",
  "vamos",
  "voy",
  "y",
  "ya",
  "yo",
  "palabra",
  "familia",
  "clave",
  "hija",
  "hijo",
  "jaja",
  "jajaja",
  // English
  "ahorita",
  "asi",
  "despues",
  "hoy",
  "llegando",
  "mañana",
  "manana",
  "noche",
  "nos",
  "otra",
  "otro",
  "pronto",
  "puedo",
  "quieres",
  "sale",
  "ser",
  "sigo",
  "tambien",
  "tarde",
  "trabajo",
  "escuela",
  "vez",
  "vengo",
  "veo",
  "ves",
  // English
  "am",
  "and",
  "are",
  "at",
  "be",
  "coming",
  "dad",
  "fine",
  "good",
  "hey",
  "hi",
  "home",
  "i",
  "im",
  "is",
  "it",
  "later",
  "mom",
  "mum",
  "my",
  "of",
  "okay",
  "on",
  "sorry",
  "soon",
  "thanks",
  "the",
  "there",
  "this",
  "to",
  "u",
  "what",
  "where",
  "who",
  "why",
  "word",
  "you",
  "family",
  "here",
  "call",
  "lol",
  "a",
  "all",
  "almost",
  "already",
  "back",
  "can",
  "cant",
  "dont",
  "got",
  "in",
  "just",
  "me",
  "no",
  "not",
  "now",
  "omw",
  "really",
  "right",
  "school",
  "see",
  "still",
  "sure",
  "thank",
  "today",
  "tonight",
  "way",
  "will",
  "with",
  "work",
  "yeah",
  "yet",
  ...yesWords,
  ...noWords,
]);

/** Filler: an ordinary word of short replies, or a token too short to be part of a family word. */
export function isFiller(token: string): boolean {
  return token.length <= 2 || fillerWords.has(token);
}

/** The tokens of a reply that could be (part of) a word: the rest are ordinary filler. */
export function contentTokens(tokens: string[]): string[] {
  return tokens.filter((token) => !isFiller(token));
}

/** Every run of 1 to SECRET_WORD_MAX_TOKENS tokens, as a normalized word would be written. */
export function tokenRuns(tokens: string[]): string[] {
  const runs = new Set<string>();
  for (let size = 1; size <= SECRET_WORD_MAX_TOKENS; size++) {
    for (let start = 0; start + size <= tokens.length; start++) runs.add(tokens.slice(start, start + size).join(" "));
  }
  return [...runs];
}

/**
 * What a reply offers as a word: its content (the tokens that are not filler) and the runs of at
 * most SECRET_WORD_MAX_TOKENS tokens around it ("mariposa, estoy bien" offers "mariposa"; "la
 * luna, ya voy" offers "luna", "la luna", "luna ya"…). All of them are one guess. Null for a
 * sentence: no content, or more content than a word holds; a sentence never counts as an attempt
 * and never confirms (a secret word inside it is still found and redacted).
 */
export function wordCandidates(text: string): string[] | null {
  const tokens = textTokens(text);
  const contentAt = tokens.flatMap((token, index) => (isFiller(token) ? [] : [index]));
  if (contentAt.length === 0) return null;
  const [first, last] = [contentAt[0]!, contentAt.at(-1)!];
  if (last - first + 1 > SECRET_WORD_MAX_TOKENS) return null;
  const candidates = new Set([contentAt.map((index) => tokens[index]).join(" ")]);
  for (let start = Math.max(0, last - SECRET_WORD_MAX_TOKENS + 1); start <= first; start++) {
    for (let end = last; end < Math.min(tokens.length, start + SECRET_WORD_MAX_TOKENS); end++)
      candidates.add(tokens.slice(start, end + 1).join(" "));
  }
  return [...candidates];
}

/** Levenshtein distance, for "too close to the other word". */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export type WordProblem = "tooShort" | "tooLong" | "tooManyTokens" | "isKeyword" | "isCommon";

/** Why a word cannot be a family word, whatever the family: null when it can. */
export function secretWordProblem(word: string): WordProblem | null {
  const tokens = textTokens(word);
  const normalized = tokens.join(" ");
  if (normalized.length < SECRET_WORD_MIN_LENGTH) return "tooShort";
  if (normalized.length > SECRET_WORD_MAX_LENGTH) return "tooLong";
  if (tokens.length > SECRET_WORD_MAX_TOKENS) return "tooManyTokens";
  // A reply that is a carrier keyword is handled as one; a word that holds one would be eaten.
  if (tokens.some((token) => stopKeywords.has(token) || startKeywords.has(token) || helpKeywords.has(token))) return "isKeyword";
  if (contentTokens(tokens).length === 0) return "isCommon";
  return null;
}

/** Two words a panicked thumb could confuse: one inside the other, or two edits apart. */
export function wordsTooClose(first: string, second: string): boolean {
  const [a, b] = [normalizeSecretWord(first), normalizeSecretWord(second)];
  if (!a || !b) return false;
  return a === b || a.includes(b) || b.includes(a) || editDistance(a, b) <= 2;
}
