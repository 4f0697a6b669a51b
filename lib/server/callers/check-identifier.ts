import "server-only";
import {
  clabeBank,
  displayIdentifier,
  normalizeCallerNumber,
  normalizePaymentIdentifier,
  numberFacts,
  type Identifier,
  type IdentifierError,
  type NumberFacts,
  type PaymentKind,
} from "@/lib/caller-identifiers";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Country } from "@/lib/validation/family";
import { requireMembership } from "@/lib/server/family/require-membership";
import type { LineLookup } from "@/lib/server/messaging/provider";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { lookUpLine } from "./look-up-line";
import { readRegistry, type RegistryKnowledge } from "./registry";
import { identifierHash } from "./registry-key";

export type CheckKind = "phone" | PaymentKind | "auto";

/** Everything known about one identifier, for the family that asked. */
export type IdentifierCheck = {
  identifier: Identifier;
  hash: string;
  display: string;
  /** Numbers: country, area and line kind from the number's own metadata. */
  facts: NumberFacts | null;
  /** Numbers: the provider's line type and carrier, when it has a lookup. */
  line: LineLookup | null;
  /** CLABEs: the bank, from the first three digits. */
  bank: string | null;
  /** Other families' reports, past the threshold only (or a published list). */
  known: RegistryKnowledge | null;
  /** This family reported it (its own report, which it may withdraw). */
  reportedByFamily: boolean;
};

export type CheckResult = { ok: true; check: IdentifierCheck } | { ok: false; error: IdentifierError };

/** Lookups per adult: generous for typing during a call, short of enumerating the registry. */
export const checkLimit = { limit: 120, windowSeconds: 600 };

export function normalizeIdentifier(input: string, kind: CheckKind, country: Country) {
  return kind === "phone" ? normalizeCallerNumber(input, country) : normalizePaymentIdentifier(input, kind);
}

/** Registry, own report and (for numbers) the line lookup, in parallel: the screen answers within a second. */
export async function describeIdentifier(familyId: string, identifier: Identifier): Promise<IdentifierCheck> {
  const hash = identifierHash(identifier);
  const [known, own, line] = await Promise.all([
    readRegistry([hash]),
    db.familyCallerReport.findUnique({ where: { familyId_identifierHash: { familyId, identifierHash: hash } }, select: { id: true } }),
    identifier.kind === "phone" ? lookUpLine(identifier.value) : null,
  ]);
  return {
    identifier,
    hash,
    display: displayIdentifier(identifier),
    facts: identifier.kind === "phone" ? numberFacts(identifier.value) : null,
    line,
    bank: identifier.kind === "clabe" ? clabeBank(identifier.value) : null,
    known: known.get(hash) ?? null,
    reportedByFamily: own !== null,
  };
}

/** "Check a number" and the live screen: what is known of what the adult typed. */
export async function checkIdentifier(options: { familyId: string; userId: string; input: string; kind: CheckKind }): Promise<CheckResult> {
  const { family } = await requireMembership(options);
  const normalized = normalizeIdentifier(options.input, options.kind, family.country);
  if (!normalized.ok) return normalized;
  const attempt = await consumeAttempt({ key: `caller-check:${options.userId}`, ...checkLimit });
  if (!attempt.allowed) throw new AppError("rate_limited", "callers.tooManyChecks", { minutes: Math.ceil(attempt.retryAfterSeconds / 60) });
  return { ok: true, check: await describeIdentifier(family.id, normalized.identifier) };
}
