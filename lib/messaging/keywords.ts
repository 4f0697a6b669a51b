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

/** What a contact's answer to "can you see Ana right now?" says, from its first word. */
export function yesOrNo(body: string): "yes" | "no" | null {
  const [first, second] = textTokens(body);
  if (first === undefined) return null;
  if (yesWords.has(first)) return "yes";
  // "No sé" / "no idea" is not a no.
  if (noWords.has(first) && !["se", "idea", "know", "clue"].includes(second ?? "")) return "no";
  return null;
}
