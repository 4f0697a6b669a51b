import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { nameVariants, normalizeSecretWord } from "@/lib/secret-word";
import type { SecretWordsInput } from "@/lib/validation/plan";

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
 * Sets both words, or replaces one of them. Words are compared without case, accents or
 * outer spaces, must differ from each other and from the family's and its people's names.
 * Only argon2id hashes of the normalized words are stored.
 */
export async function saveSecretWords(options: { familyId: string; userId: string; input: SecretWordsInput; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const { safeWord, duressWord } = options.input;
  const existing = await db.secretWords.findUnique({ where: { familyId: family.id } });
  if (!existing && (!safeWord || !duressWord)) {
    throw new AppError("invalid_input", "word.required", { field: safeWord ? "duressWord" : "safeWord" });
  }

  const names = await familyNames(family.id, family.name);
  for (const [field, word] of [["safeWord", safeWord], ["duressWord", duressWord]] as const) {
    if (word && names.has(normalizeSecretWord(word))) throw new AppError("invalid_input", "word.isAName", { field });
  }
  // Replacing one word: it must still differ from the other, which only exists as a hash.
  if (existing && safeWord && !duressWord && (await secretWordMatches(existing.duressWordHash, safeWord))) {
    throw new AppError("invalid_input", "word.same", { field: "safeWord" });
  }
  if (existing && duressWord && !safeWord && (await secretWordMatches(existing.safeWordHash, duressWord))) {
    throw new AppError("invalid_input", "word.same", { field: "duressWord" });
  }

  const now = options.now ?? new Date();
  const [safeWordHash, duressWordHash] = await Promise.all([safeWord && hashSecretWord(safeWord), duressWord && hashSecretWord(duressWord)]);
  if (!existing) {
    await db.secretWords.create({
      data: { familyId: family.id, safeWordHash: safeWordHash!, duressWordHash: duressWordHash!, safeWordChangedAt: now, duressWordChangedAt: now },
    });
    return;
  }
  await db.secretWords.update({
    where: { familyId: family.id },
    data: {
      ...(safeWordHash ? { safeWordHash, safeWordChangedAt: now } : {}),
      ...(duressWordHash ? { duressWordHash, duressWordChangedAt: now } : {}),
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
