import "server-only";
import { yesOrNo } from "@/lib/messaging/keywords";
import { SECRET_WORD_MAX_LENGTH, wordCandidates } from "@/lib/secret-word";
import type { Reading } from "@/lib/server/incidents/apply-reply";
import { secretWordMatches } from "@/lib/server/secret-words/secret-words";
import { replyTags, wordTag } from "@/lib/server/secret-words/word-tags";

export type FamilyWords = {
  familyId: string;
  safeWordHash: string;
  duressWordHash: string;
  safeWordTag: string | null;
  duressWordTag: string | null;
};

/**
 * What a text means to one family: which of its words it holds (anywhere, found by keyed tag, so
 * that it can be redacted whole), whether it offers one on its own, whether it could be an
 * attempt at a word at all, and YES/NO. Words saved before tags existed are checked with argon2id
 * against the text's few candidates, and their tag is filled in on the way.
 */
export async function readReply(options: {
  text: string;
  words: FamilyWords | null;
  onTagLearned?: (which: "safe" | "duress", tag: string) => Promise<void>;
}): Promise<Reading> {
  const { text, words } = options;
  const candidates = wordCandidates(text);
  const base = { attempt: candidates !== null, answer: yesOrNo(text) };
  if (!words) return { word: null, whole: false, ...base };

  const tags = replyTags(words.familyId, text);
  const candidateTags = new Set((candidates ?? []).map((candidate) => wordTag(words.familyId, candidate)));
  const has = (tag: string | null) => tag !== null && tags.has(tag);
  const offers = (tag: string | null) => tag !== null && candidateTags.has(tag);
  let [inSafe, inDuress, wholeSafe, wholeDuress] = [
    has(words.safeWordTag),
    has(words.duressWordTag),
    offers(words.safeWordTag),
    offers(words.duressWordTag),
  ];

  if ((!words.safeWordTag || !words.duressWordTag) && candidates) {
    for (const candidate of candidates.filter((value) => value.length <= SECRET_WORD_MAX_LENGTH).slice(0, 4)) {
      const [safe, duress] = await Promise.all([
        words.safeWordTag ? false : secretWordMatches(words.safeWordHash, candidate),
        words.duressWordTag ? false : secretWordMatches(words.duressWordHash, candidate),
      ]);
      if (safe) [inSafe, wholeSafe] = [true, true];
      if (duress) [inDuress, wholeDuress] = [true, true];
      if (safe || duress) await options.onTagLearned?.(safe ? "safe" : "duress", wordTag(words.familyId, candidate));
    }
  }
  // A text holding both words is danger: the duress word always wins.
  if (inDuress || wholeDuress) return { word: "duress", whole: wholeDuress, ...base };
  if (inSafe || wholeSafe) return { word: "safe", whole: wholeSafe, ...base };
  return { word: null, whole: false, ...base };
}
