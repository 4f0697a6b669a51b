// Shared by the plan's forms and its data-access functions. Messages are keys in "errors".
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { normalizeSecretWord, SECRET_WORD_MAX_LENGTH, SECRET_WORD_MIN_LENGTH } from "@/lib/secret-word";

import { channels, relationships } from "@/lib/plan-options";

export { channels, relationships, tiers } from "@/lib/plan-options";

const name = z.string({ error: "personName.required" }).trim().min(1, "personName.required").max(80, "personName.tooLong");
const phone = z.string({ error: "phone.required" }).max(40, "phone.tooLong");
const locale = z.enum(locales, { error: "locale.invalid" });

export const personSchema = z.object({
  name,
  phone,
  locale,
  notes: z.string({ error: "invalid" }).trim().max(500, "notes.tooLong").default(""),
});

export const contactSchema = z.object({
  name: z.string({ error: "contactName.required" }).trim().min(1, "contactName.required").max(80, "contactName.tooLong"),
  phone,
  locale,
  relationship: z.enum(relationships, { error: "relationship.invalid" }),
  channel: z.enum(channels, { error: "channel.invalid" }),
});

export const tierSchema = z.coerce.number({ error: "tier.invalid" }).int("tier.invalid").min(1, "tier.invalid").max(3, "tier.invalid");

export const assignmentSchema = z.object({ tier: tierSchema });

const secretWord = z
  .string({ error: "word.required" })
  .max(SECRET_WORD_MAX_LENGTH * 2, "word.tooLong")
  .refine((word) => normalizeSecretWord(word).length > 0, "word.required")
  .refine((word) => normalizeSecretWord(word).length >= SECRET_WORD_MIN_LENGTH, "word.tooShort")
  .refine((word) => normalizeSecretWord(word).length <= SECRET_WORD_MAX_LENGTH, "word.tooLong");

/** Both words at once (first time), or one of them (replacing). */
export const secretWordsSchema = z
  .object({
    safeWord: z.preprocess((value) => (value === "" ? undefined : value), secretWord.optional()),
    duressWord: z.preprocess((value) => (value === "" ? undefined : value), secretWord.optional()),
  })
  .refine((words) => words.safeWord !== undefined || words.duressWord !== undefined, { message: "word.required", path: ["safeWord"] })
  .refine((words) => !words.safeWord || !words.duressWord || normalizeSecretWord(words.safeWord) !== normalizeSecretWord(words.duressWord), {
    message: "word.same",
    path: ["duressWord"],
  });

export const checkWordSchema = z.object({
  which: z.enum(["safe", "duress"], { error: "word.which" }),
  word: z.string({ error: "word.required" }).max(SECRET_WORD_MAX_LENGTH * 2, "word.tooLong").refine((word) => normalizeSecretWord(word).length > 0, "word.required"),
});

export const deleteFamilySchema = z.object({ confirmName: z.string({ error: "confirmName.mismatch" }).trim() });

export type PersonInput = z.infer<typeof personSchema>;
export type ContactInput = z.infer<typeof contactSchema>;
export type SecretWordsInput = z.infer<typeof secretWordsSchema>;

const delay = z.coerce.number({ error: "delay.invalid" }).int("delay.invalid").min(10, "delay.tooShort").max(3600, "delay.tooLong");

/** When each escalation step runs, in seconds from the start: in order, ten seconds to an hour. */
export const escalationDelaysSchema = z
  .object({ callDelaySeconds: delay, tier1DelaySeconds: delay, tier2DelaySeconds: delay, tier3DelaySeconds: delay })
  .refine((d) => d.callDelaySeconds <= d.tier1DelaySeconds && d.tier1DelaySeconds <= d.tier2DelaySeconds && d.tier2DelaySeconds <= d.tier3DelaySeconds, {
    message: "delay.order",
    path: ["tier3DelaySeconds"],
  });

export const alertPhoneSchema = z.object({ phone: z.string({ error: "invalid" }).max(40, "phone.tooLong").default("") });
