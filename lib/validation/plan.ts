// Shared by the plan's forms and its data-access functions. Messages are keys in "errors".
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { normalizeSecretWord, SECRET_WORD_MAX_LENGTH, secretWordProblem, wordsTooClose } from "@/lib/secret-word";

import { channels, relationships } from "@/lib/plan-options";

export { channels, relationships, tiers } from "@/lib/plan-options";

const name = z.string({ error: "personName.required" }).trim().min(1, "personName.required").max(80, "personName.tooLong");
const phone = z.string({ error: "phone.required" }).max(40, "phone.tooLong");
/** Which reading of an ambiguous number the person chose (an E.164); checked against `phone` by the server. */
const phoneChoice = z.string({ error: "invalid" }).max(40, "phone.tooLong").optional();
const locale = z.enum(locales, { error: "locale.invalid" });

export const personSchema = z.object({
  name,
  phone,
  phoneChoice,
  locale,
  notes: z.string({ error: "invalid" }).trim().max(500, "notes.tooLong").default(""),
});

export const contactSchema = z.object({
  name: z.string({ error: "contactName.required" }).trim().min(1, "contactName.required").max(80, "contactName.tooLong"),
  phone,
  phoneChoice,
  locale,
  relationship: z.enum(relationships, { error: "relationship.invalid" }),
  channel: z.enum(channels, { error: "channel.invalid" }),
});

export const tierSchema = z.coerce.number({ error: "tier.invalid" }).int("tier.invalid").min(1, "tier.invalid").max(3, "tier.invalid");

export const assignmentSchema = z.object({ tier: tierSchema });

/** The message key of what makes a word unusable for any family, or null. */
function secretWordIssue(word: string): string | null {
  if (normalizeSecretWord(word).length === 0) return "word.required";
  const problem = secretWordProblem(word);
  return problem && `word.${problem}`;
}

/** The message key of what makes the duress word unusable beside the safe word, or null. */
function secretWordsPairIssue(words: { safeWord: string; duressWord: string }): string | null {
  if (normalizeSecretWord(words.safeWord) === normalizeSecretWord(words.duressWord)) return "word.same";
  return wordsTooClose(words.safeWord, words.duressWord) ? "word.tooClose" : null;
}

const secretWord = z
  .string({ error: "word.required" })
  .max(SECRET_WORD_MAX_LENGTH * 2, { error: "word.tooLong", abort: true })
  .superRefine((word, context) => {
    const issue = secretWordIssue(word);
    if (issue) context.addIssue({ code: "custom", message: issue });
  });

/**
 * Both words, every time (setting or replacing): the stored words are only hashes, so how close
 * the two are can only be checked while both are typed.
 */
export const secretWordsSchema = z.object({ safeWord: secretWord, duressWord: secretWord }).superRefine((words, context) => {
  // Only two usable words can be compared; an unusable one already has its own message.
  if (secretWordIssue(words.safeWord) || secretWordIssue(words.duressWord)) return;
  const issue = secretWordsPairIssue(words);
  if (issue) context.addIssue({ code: "custom", message: issue, path: ["duressWord"] });
});

export const checkWordSchema = z.object({
  which: z.enum(["safe", "duress"], { error: "word.which" }),
  word: z
    .string({ error: "word.required" })
    .max(SECRET_WORD_MAX_LENGTH * 2, "word.tooLong")
    .refine((word) => normalizeSecretWord(word).length > 0, "word.required"),
});

export const deleteFamilySchema = z.object({ confirmName: z.string({ error: "confirmName.mismatch" }).trim() });

export type PersonInput = z.infer<typeof personSchema>;
export type ContactInput = z.infer<typeof contactSchema>;
export type SecretWordsInput = z.infer<typeof secretWordsSchema>;

const delay = z.coerce.number({ error: "delay.invalid" }).int("delay.invalid").min(10, "delay.tooShort").max(3600, "delay.tooLong");

/** When each escalation step runs, in seconds from the start: in order, ten seconds to an hour. */
export const escalationDelaysSchema = z
  .object({ callDelaySeconds: delay, tier1DelaySeconds: delay, tier2DelaySeconds: delay, tier3DelaySeconds: delay })
  .refine(
    (d) =>
      d.callDelaySeconds <= d.tier1DelaySeconds && d.tier1DelaySeconds <= d.tier2DelaySeconds && d.tier2DelaySeconds <= d.tier3DelaySeconds,
    {
      message: "delay.order",
      path: ["tier3DelaySeconds"],
    },
  );

export const alertPhoneSchema = z.object({ phone: z.string({ error: "invalid" }).max(40, "phone.tooLong").default(""), phoneChoice });
