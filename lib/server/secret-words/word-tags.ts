import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { normalizeSecretWord, textTokens, tokenRuns } from "@/lib/secret-word";

/**
 * Keyed tags of the family's words (HMAC-SHA256 under a key derived from BETTER_AUTH_SECRET,
 * which is not in the database), so that a word is found inside any reply, however long, in
 * microseconds, and redacted before anything is stored. The family's id is part of the tag:
 * two families with the same word have different tags. See docs/decisions/005-reply-verdicts.md.
 */
let key: Buffer | undefined;

function tagKey(): Buffer {
  key ??= createHmac("sha256", env.BETTER_AUTH_SECRET).update("confirma:secret-word-tags:v1").digest();
  return key;
}

export function wordTag(familyId: string, word: string): string {
  return createHmac("sha256", tagKey())
    .update(`${familyId}\n${normalizeSecretWord(word)}`)
    .digest("base64url");
}

/** The tags of every run of tokens in a reply: a word is in the reply when its tag is here. */
export function replyTags(familyId: string, text: string): Set<string> {
  return new Set(tokenRuns(textTokens(text)).map((run) => wordTag(familyId, run)));
}
