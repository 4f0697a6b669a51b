import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { nameVariants, normalizeSecretWord } from "@/lib/secret-word";
import { wordTag } from "@/lib/server/secret-words/word-tags";
import { secretWordsSchema, type SecretWordsInput } from "@/lib/validation/plan";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const argon2Options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const WORD_REMINDER_MONTHS = 12;
export const wordCheckLimit = { limit: 10, windowSeconds: 15 * 60 };

export function hashSecretWord(word: string): Promise<string> {
  return hash(normalizeSecretWord(word), argon2Options);
}

export function secretWordMatches(storedHash: string, word: string): Promise<boolean> {
  return verify(storedHash, normalizeSecretWord(word)).catch(() => false);
}

async function familyNames(familyId: string, familyName: string): Promise<Set<string>> {
  const people = await db.person.findMany({ where: { familyId }, select: { name: true } });
  return nameVariants([familyName, ...people.map((person) => person.name)]);
}

/**
 * The same rules as the form's schema, enforced again here (the form is never trusted): both
 * words, each usable as a family word, and the duress word clearly apart from the safe word.
 */
function refuseUnusableWords(input: SecretWordsInput): void {
  const parsed = secretWordsSchema.safeParse(input);
  if (parsed.success) return;
  const [issue] = parsed.error.issues;
  throw new AppError("invalid_input", issue?.message ?? "word.required", { field: String(issue?.path[0] ?? "safeWord") });
}

async function refuseNames(options: { familyId: string; familyName: string; input: SecretWordsInput }): Promise<void> {
  const names = await familyNames(options.familyId, options.familyName);
  for (const field of ["safeWord", "duressWord"] as const) {
    if (names.has(normalizeSecretWord(options.input[field]))) throw new AppError("invalid_input", "word.isAName", { field });
  }
}

/** The new hash of a word, or null when it was typed again unchanged: it keeps its hash and date. */
async function replacedWord(options: { word: string; storedHash: string }): Promise<string | null> {
  if (await secretWordMatches(options.storedHash, options.word)) return null;
  return hashSecretWord(options.word);
}

/**
 * Sets or replaces the words; both are typed every time, since how close the two are can only
 * be checked in clear. Words are compared without case, accents, punctuation or spaces, must be
 * usable (`secretWordsSchema`), apart from each other and from the family's and its people's
 * names. Stored: argon2id hashes of the normalized words and their keyed tags (`wordTag`).
 */
export async function saveSecretWords(options: { familyId: string; userId: string; input: SecretWordsInput; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const { input } = options;
  refuseUnusableWords(input);
  await refuseNames({ familyId: family.id, familyName: family.name, input });

  const now = options.now ?? new Date();
  const tags = { safeWordTag: wordTag(family.id, input.safeWord), duressWordTag: wordTag(family.id, input.duressWord) };
  const existing = await db.secretWords.findUnique({ where: { familyId: family.id } });
  if (!existing) {
    const [safeWordHash, duressWordHash] = await Promise.all([hashSecretWord(input.safeWord), hashSecretWord(input.duressWord)]);
    await db.secretWords.create({
      data: { familyId: family.id, safeWordHash, duressWordHash, safeWordChangedAt: now, duressWordChangedAt: now, ...tags },
    });
    return;
  }
  const [safe, duress] = await Promise.all([
    replacedWord({ word: input.safeWord, storedHash: existing.safeWordHash }),
    replacedWord({ word: input.duressWord, storedHash: existing.duressWordHash }),
  ]);
  await db.secretWords.update({
    where: { familyId: family.id },
    data: {
      ...tags,
      ...(safe ? { safeWordHash: safe, safeWordChangedAt: now } : {}),
      ...(duress ? { duressWordHash: duress, duressWordChangedAt: now } : {}),
    },
  });
}

/** When each word was last changed, and whether it is time to choose new ones. Never the words. */
export async function getSecretWordsStatus(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const words = await db.secretWords.findUnique({
    where: { familyId: membership.familyId },
    select: { safeWordChangedAt: true, duressWordChangedAt: true, safeWordExposedAt: true },
  });
  if (!words) return null;
  const reminderBefore = new Date(options.now ?? new Date());
  reminderBefore.setMonth(reminderBefore.getMonth() - WORD_REMINDER_MONTHS);
  return {
    ...words,
    safeWordDue: words.safeWordChangedAt <= reminderBefore,
    // Used during an incident after it was last changed: others may have seen or heard it.
    safeWordExposed: words.safeWordExposedAt !== null && words.safeWordExposedAt > words.safeWordChangedAt,
    duressWordDue: words.duressWordChangedAt <= reminderBefore,
  };
}

/** Checks a typed word against one stored hash; limited per adult so it cannot be guessed. */
export async function checkSecretWord(options: { familyId: string; userId: string; which: "safe" | "duress"; word: string }) {
  const membership = await requireMembership(options);
  const attempt = await consumeAttempt({ key: `word-check:${membership.familyId}:${options.userId}`, ...wordCheckLimit });
  if (!attempt.allowed) {
    throw new AppError("rate_limited", "word.tooManyChecks", { minutes: Math.ceil(attempt.retryAfterSeconds / 60) });
  }
  const words = await db.secretWords.findUnique({ where: { familyId: membership.familyId } });
  if (!words) throw new AppError("not_found", "word.notSet");
  return secretWordMatches(options.which === "safe" ? words.safeWordHash : words.duressWordHash, options.word);
}
