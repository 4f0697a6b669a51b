import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PersonVerification } from "@/lib/generated/prisma/enums";

export type { PersonVerification };

/** What one answer says about a claimed person. */
export type PersonEvidence = "safe_word" | "duress_word" | "keypad_safe" | "seen_safe";

/**
 * The per-person state machine: in danger is final; confirmed safe needs the safe word; a
 * keypress or a contact's YES makes a waiting person probably safe, never more.
 */
export function nextPersonState(current: PersonVerification, evidence: PersonEvidence): PersonVerification {
  if (current === "in_danger" || evidence === "duress_word") return "in_danger";
  if (evidence === "safe_word") return "confirmed_safe";
  return current === "waiting" ? "probably_safe" : current;
}

/** The incident's verdict from its people: danger wins, then waiting, then safe. */
export function incidentVerdict(states: PersonVerification[]): "in_danger" | "confirmed_safe" | "probably_safe" | "waiting" {
  if (states.includes("in_danger")) return "in_danger";
  if (states.length > 0 && states.every((state) => state === "confirmed_safe")) return "confirmed_safe";
  if (states.some((state) => state === "probably_safe" || state === "confirmed_safe")) return "probably_safe";
  return "waiting";
}

/** Replies that could be an attempt at a word, per person, across incidents. */
export const wordGuessBudget = { limit: 5, windowHours: 24 } as const;

type Transaction = Prisma.TransactionClient;

/**
 * Spends one guess of the person's budget, atomically: a lock on the person serializes the
 * count and the insert, so ten replies arriving at once get exactly `limit` evaluations.
 */
export async function spendWordGuess(
  tx: Transaction,
  options: { personId: string; incidentId: string },
): Promise<{ allowed: boolean; left: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`word-guess:${options.personId}`}))`;
  const used = await countWordGuesses(tx, options.personId);
  if (used >= wordGuessBudget.limit) return { allowed: false, left: 0 };
  await tx.wordAttempt.create({ data: { personId: options.personId, incidentId: options.incidentId } });
  return { allowed: true, left: wordGuessBudget.limit - used - 1 };
}

export async function countWordGuesses(client: Pick<Transaction, "wordAttempt">, personId: string): Promise<number> {
  return client.wordAttempt.count({ where: { personId, at: { gt: new Date(Date.now() - wordGuessBudget.windowHours * 3600_000) } } });
}
