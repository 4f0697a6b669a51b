import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { IdentifierKind } from "@/lib/caller-identifiers";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { recentWindowDays, registryThreshold } from "./registry";

/** Partner tokens look like `cfp_` and 43 base64url characters; only their SHA-256 is stored. */
export const partnerTokenPattern = /^cfp_[A-Za-z0-9_-]{43}$/;
export const hashPartnerToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Requests per token per minute: a feed is polled, not hammered. */
export const partnerRateLimit = { limit: 60, windowSeconds: 60 };
/** Failed authentications per client address per 10 minutes. */
export const partnerFailureLimit = { limit: 20, windowSeconds: 600 };
/**
 * Rows younger than this are left for the next poll: a transaction on another app instance that
 * started earlier may still commit an older `updatedAt`, and an incremental reader must not skip it.
 */
export const feedSettleSeconds = 5;
export const feedPageSize = { default: 1000, max: 50_000 };

/** A new token for an organization (scripts/partners.ts prints it once). */
export async function createPartnerToken(organization: string): Promise<{ id: string; token: string }> {
  const name = z.string().trim().min(2).max(120).parse(organization);
  const token = `cfp_${randomBytes(32).toString("base64url")}`;
  const row = await db.partnerToken.create({ data: { organization: name, tokenHash: hashPartnerToken(token) } });
  return { id: row.id, token };
}

export async function revokePartnerToken(id: string): Promise<boolean> {
  const revoked = await db.partnerToken.updateMany({ where: { id: z.uuid().parse(id), revokedAt: null }, data: { revokedAt: new Date() } });
  return revoked.count > 0;
}

export async function listPartnerTokens() {
  return db.partnerToken.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, organization: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/**
 * The partner behind an `Authorization: Bearer` header, within its rate limit. Anything else is
 * unauthenticated (401), counted against the client's address so tokens cannot be tried in bulk.
 */
export async function authenticatePartner(options: {
  authorization: string | null;
  clientAddress: string;
}): Promise<{ id: string; organization: string }> {
  const token = /^Bearer (\S+)$/.exec(options.authorization ?? "")?.[1] ?? "";
  const found = partnerTokenPattern.test(token)
    ? await db.partnerToken.findUnique({ where: { tokenHash: hashPartnerToken(token) } })
    : null;
  if (!found || found.revokedAt) {
    const failures = await consumeAttempt({ key: `partner-auth:${options.clientAddress}`, ...partnerFailureLimit });
    if (!failures.allowed) throw new AppError("rate_limited", "partners.tooManyFailures");
    throw new AppError("unauthenticated", "partners.unauthenticated");
  }
  const attempt = await consumeAttempt({ key: `partner:${found.id}`, ...partnerRateLimit });
  if (!attempt.allowed) throw new AppError("rate_limited", "partners.rateLimited", { retryAfterSeconds: attempt.retryAfterSeconds });
  // Written at most once a minute, not on every request.
  if (!found.lastUsedAt || found.lastUsedAt.getTime() < Date.now() - 60_000)
    await db.partnerToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.id, organization: found.organization };
}

export const feedQuerySchema = z.object({
  since: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(feedPageSize.max).default(feedPageSize.default),
  format: z.enum(["json", "csv"]).default("json"),
});
export type FeedQuery = z.infer<typeof feedQuerySchema>;

export type FeedEntry = {
  /** Stable and opaque (the registry hash): a withdrawn entry is named by it alone. */
  id: string;
  kind: IdentifierKind;
  status: "listed" | "withdrawn";
  value: string | null;
  families: number | null;
  recentFamilies: number | null;
  source: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  updatedAt: string;
};

type FeedRow = {
  hash: string;
  kind: IdentifierKind;
  value: string | null;
  families: number;
  source: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  updatedAt: Date;
  recent: bigint;
};

/**
 * Identifiers past the threshold (or from a published list), changed after `since` (and after
 * the hash `after` at that same instant), oldest change first: a partner polls with the last
 * entry's `updatedAt` and `id`. One that fell back below the threshold comes as "withdrawn",
 * without its value, so the partner can drop it. Never anything that was never past it.
 */
export async function readPartnerFeed(
  query: Pick<FeedQuery, "since" | "after" | "limit">,
): Promise<{ entries: FeedEntry[]; next: { since: string; after: string } | null }> {
  const threshold = registryThreshold();
  const since = query.since ?? new Date(0);
  const after = query.after ?? "";
  const rows = await db.$queryRaw<FeedRow[]>`
    SELECT c.hash, c.kind, c.value, c.families, c.source, c."firstSeenAt", c."lastSeenAt", c."updatedAt",
      (SELECT count(*) FROM caller_report r WHERE r."identifierHash" = c.hash AND r."reportedAt" > now() - make_interval(days => ${recentWindowDays})) AS recent
    FROM caller_identifier c
    WHERE c."publishedAt" IS NOT NULL
      AND (c."updatedAt", c.hash) > (${since}, ${after})
      AND c."updatedAt" <= now() - make_interval(secs => ${feedSettleSeconds})
    ORDER BY c."updatedAt", c.hash
    LIMIT ${query.limit}`;
  const entries = rows.map((row): FeedEntry => {
    const listed = row.families >= threshold || row.source !== null;
    return {
      id: row.hash,
      kind: row.kind,
      status: listed ? "listed" : "withdrawn",
      value: listed ? row.value : null,
      families: listed ? row.families : null,
      recentFamilies: listed ? Number(row.recent) : null,
      source: row.source,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
  const last = rows.at(-1);
  return { entries, next: last && rows.length === query.limit ? { since: last.updatedAt.toISOString(), after: last.hash } : null };
}

const csvColumns = [
  "id",
  "kind",
  "status",
  "value",
  "families",
  "recentFamilies",
  "source",
  "firstSeenAt",
  "lastSeenAt",
  "updatedAt",
] as const;

/**
 * CSV for spreadsheets: a header, one entry per line, every field quoted, and anything a
 * spreadsheet would run as a formula defused with a leading quote (an E.164 number is left as it is).
 */
export function feedCsv(entries: FeedEntry[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    const safe = /^[=+\-@\t\r]/.test(text) && !/^\+\d{7,15}$/.test(text) ? `'${text}` : text;
    return `"${safe.replaceAll('"', '""')}"`;
  };
  return [csvColumns.join(","), ...entries.map((entry) => csvColumns.map((column) => cell(entry[column])).join(","))].join("\r\n") + "\r\n";
}
