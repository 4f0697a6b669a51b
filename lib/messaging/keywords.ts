import { helpKeywords, noWords, startKeywords, stopKeywords, textTokens, yesWords } from "@/lib/secret-word";

export type Keyword = "stop" | "start" | "help";

/** A reply that is exactly one carrier keyword, in either language, whatever its punctuation. */
export function carrierKeyword(body: string): Keyword | null {
  const tokens = textTokens(body);
  if (tokens.length !== 1) return null;
  const [word] = tokens as [string];
  if (stopKeywords.has(word)) return "stop";
  if (startKeywords.has(word)) return "start";
  if (helpKeywords.has(word)) return "help";
  return null;
}

/**
 * What a contact's answer to "can you see Ana right now?" says: a YES or NO on its own, or
 * followed by punctuation ("Sí, está conmigo"). "Si la veo te aviso" (if I see her…), "y quién
 * es?" or "sí, pero no está aquí" are text for the adult to read, never a YES.
 */
export function yesOrNo(body: string): "yes" | "no" | null {
  const tokens = textTokens(body);
  const [first] = tokens;
  if (first === undefined) return null;
  const standsAlone = tokens.length === 1 || /^[\s¡¿"'(]*[\p{L}]+\s*[,.;:!?)\-–—]/u.test(body.normalize("NFKC"));
  if (!standsAlone) return null;
  const contradicted = tokens.slice(1).some((token) => ["no", "not", "pero", "but", "nunca", "never"].includes(token));
  if (yesWords.has(first) && !contradicted) return "yes";
  // "No sé" / "no idea" is not a no.
  if (noWords.has(first) && !["se", "idea", "know", "clue"].includes(tokens[1] ?? "")) return "no";
  return null;
}
