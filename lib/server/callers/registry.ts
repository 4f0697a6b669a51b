import "server-only";
import type { Identifier } from "@/lib/caller-identifiers";
import { registryLookupSql } from "@/lib/caller-registry-sql";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consumeAttemptIn } from "@/lib/server/rate-limit/consume-attempt";
import { identifierHash, reporterHash } from "./registry-key";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$queryRawUnsafe" | "$executeRaw">;

/** Reports are counted over this window on screen ("in the last 30 days"). */
export const recentWindowDays = 30;
/** A family reports at most this many new identifiers per day. */
export const familyReportLimit = { limit: 20, windowSeconds: 24 * 3600 };

/** How many different families must report an identifier before anyone is told (No+XT's rule). */
export function registryThreshold(): number {
  return env.CALLER_REGISTRY_THRESHOLD;
}

/** What the registry may say about an identifier: nothing below the threshold, unless a published list has it. */
export type RegistryKnowledge = { families: number; recentFamilies: number; firstSeenAt: Date; lastSeenAt: Date; source: string | null };

type KnowledgeRow = { hash: string; families: number; source: string | null; firstSeenAt: Date; lastSeenAt: Date; recent: bigint };

/** One round trip: the aggregates by primary key, and the recent count only for those past the threshold. */
export async function readRegistry(hashes: string[], client: Client = db): Promise<Map<string, RegistryKnowledge>> {
  const known = new Map<string, RegistryKnowledge>();
  if (hashes.length === 0) return known;
  const threshold = registryThreshold();
  const rows = await client.$queryRawUnsafe<KnowledgeRow[]>(registryLookupSql, hashes, threshold, recentWindowDays);
  for (const row of rows) {
    const listed = row.families >= threshold;
    known.set(row.hash, {
      families: listed ? row.families : 0,
      recentFamilies: Number(row.recent),
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      source: row.source,
    });
  }
  return known;
}

export type ReportRefusal = "opted_out" | "family_too_new" | "no_plan" | "rate_limited";
export type ReportOutcome = { reported: number; alreadyReported: number; refused: ReportRefusal | null };

/**
 * Counts the family's report of each identifier, once per family and identifier, inside the
 * caller's transaction. Refused, with nothing written, for a family that opted out (automatic
 * reports only: pressing "report" is an explicit choice), a family younger than
 * CALLER_REPORT_MIN_FAMILY_AGE_HOURS, one with nobody in its plan, or past its daily limit.
 */
export async function reportIdentifiersIn(
  tx: Client,
  options: { familyId: string; identifiers: Identifier[]; incidentId?: string | null; automatic: boolean },
): Promise<ReportOutcome> {
  const unique = [...new Map(options.identifiers.map((identifier) => [identifierHash(identifier), identifier])).entries()];
  const none = (refused: ReportRefusal | null, alreadyReported = 0): ReportOutcome => ({ reported: 0, alreadyReported, refused });
  if (unique.length === 0) return none(null);
  const [family] = await tx.$queryRaw<{ createdAt: Date; share: boolean; planned: boolean }[]>`
    SELECT f."createdAt", f."shareCallerReports" AS share, EXISTS (SELECT 1 FROM person p WHERE p."familyId" = f.id) AS planned
    FROM family f WHERE f.id = ${options.familyId}::uuid`;
  if (!family) return none(null);
  if (options.automatic && !family.share) return none("opted_out");
  if (Date.now() - family.createdAt.getTime() < env.CALLER_REPORT_MIN_FAMILY_AGE_HOURS * 3600_000) return none("family_too_new");
  if (!family.planned) return none("no_plan");

  const hashes = unique.map(([hash]) => hash);
  const existing = new Set(
    (
      await tx.$queryRaw<
        { hash: string }[]
      >`SELECT "identifierHash" AS hash FROM family_caller_report WHERE "familyId" = ${options.familyId}::uuid AND "identifierHash" = ANY(${hashes}::text[])`
    ).map((row) => row.hash),
  );
  const fresh = unique.filter(([hash]) => !existing.has(hash));
  if (fresh.length === 0) return none(null, existing.size);
  for (let index = 0; index < fresh.length; index++) {
    const attempt = await consumeAttemptIn(tx, { key: `caller-report:${options.familyId}`, ...familyReportLimit });
    if (!attempt.allowed) return none("rate_limited", existing.size);
  }

  const threshold = registryThreshold();
  let reported = 0;
  for (const [hash, identifier] of fresh) {
    const inserted = await tx.$executeRaw`
      INSERT INTO family_caller_report (id, "familyId", "identifierHash", kind, "incidentId", "reportedAt")
      VALUES (gen_random_uuid(), ${options.familyId}::uuid, ${hash}, ${identifier.kind}::"CallerIdentifierKind", ${options.incidentId ?? null}::uuid, now())
      ON CONFLICT ("familyId", "identifierHash") DO NOTHING`;
    if (inserted === 0) continue;
    const counted = await tx.$executeRaw`
      INSERT INTO caller_report ("identifierHash", "reporterHash", "reportedAt") VALUES (${hash}, ${reporterHash(options.familyId, hash)}, now())
      ON CONFLICT DO NOTHING`;
    if (counted === 0) continue;
    // Atomic on the row, so reports from several app instances add up; the value is kept in
    // clear only from the report that brings the count to the threshold.
    await tx.$executeRaw`
      INSERT INTO caller_identifier (hash, kind, families, value, "firstSeenAt", "lastSeenAt", "publishedAt", "updatedAt")
      VALUES (${hash}, ${identifier.kind}::"CallerIdentifierKind", 1, CASE WHEN 1 >= ${threshold} THEN ${identifier.value} END, now(), now(), CASE WHEN 1 >= ${threshold} THEN now() END, now())
      ON CONFLICT (hash) DO UPDATE SET
        families = caller_identifier.families + 1,
        "lastSeenAt" = now(),
        "updatedAt" = now(),
        value = CASE WHEN caller_identifier.families + 1 >= ${threshold} THEN ${identifier.value} ELSE caller_identifier.value END,
        "publishedAt" = CASE WHEN caller_identifier.families + 1 >= ${threshold} THEN coalesce(caller_identifier."publishedAt", now()) ELSE caller_identifier."publishedAt" END`;
    reported++;
  }
  return { reported, alreadyReported: existing.size, refused: null };
}

/**
 * Takes back one family's report of one identifier: its own record, the anonymous report and the
 * count. Below the threshold again, the clear value goes (a published list's stays).
 */
export async function withdrawReportIn(tx: Client, options: { familyId: string; hash: string }): Promise<boolean> {
  const removed =
    await tx.$executeRaw`DELETE FROM family_caller_report WHERE "familyId" = ${options.familyId}::uuid AND "identifierHash" = ${options.hash}`;
  if (removed === 0) return false;
  const uncounted =
    await tx.$executeRaw`DELETE FROM caller_report WHERE "identifierHash" = ${options.hash} AND "reporterHash" = ${reporterHash(options.familyId, options.hash)}`;
  if (uncounted === 0) return true;
  const threshold = registryThreshold();
  await tx.$executeRaw`
    UPDATE caller_identifier SET
      families = greatest(families - 1, 0),
      "updatedAt" = now(),
      value = CASE WHEN families - 1 >= ${threshold} OR source IS NOT NULL THEN value END
    WHERE hash = ${options.hash}`;
  return true;
}

/** Erasure: every report the family made is withdrawn before its rows go (lib/server/family/erase-family.ts). */
export async function withdrawFamilyReportsIn(tx: Client, familyId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    { hash: string }[]
  >`SELECT "identifierHash" AS hash FROM family_caller_report WHERE "familyId" = ${familyId}::uuid`;
  for (const row of rows) await withdrawReportIn(tx, { familyId, hash: row.hash });
  await tx.$executeRaw`DELETE FROM attempt_counter WHERE key = ${`caller-report:${familyId}`}`;
}
