import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { Reading } from "@/lib/server/incidents/apply-reply";
import { faultPoint } from "@/lib/server/fault-point";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { receiveReply } from "@/lib/server/replies/receive-reply";
import { applyKeypad, applyStatusCallback } from "./apply-callbacks";
import { getMessagingProvider } from "./provider";

export type InboundKind = "sms" | "status" | "gather";
type Transaction = Prisma.TransactionClient;

export type InboundRow = {
  providerKey: string;
  kind: InboundKind;
  fromNumber?: string | null;
  toNumber?: string | null;
  /** Already redacted when it held a word: the clear text is never stored. */
  body?: string | null;
  params: Record<string, string>;
  familyId?: string | null;
  readings?: Record<string, Reading>;
};

export const PROCESS_INBOUND_TASK = "process_inbound";

/**
 * The intake's whole job once a webhook is verified: store it and hand it over, then answer.
 * Where a worker runs beside the web server (INBOUND_PROCESSING=worker, what `npm start` sets),
 * the row and its job are written in one statement and the worker acts on it; otherwise it is
 * acted on here, before the answer. A repeated delivery of a row not yet acted on is acted on
 * now either way. `queue` keeps one conversation's webhooks in order (jobs of one queue run one
 * at a time), and keeps a flood from one sender from taking every worker slot.
 */
export async function acceptInbound(row: InboundRow & { queue: string }): Promise<void> {
  const handOver = env.INBOUND_PROCESSING === "worker";
  const stored = await storeInbound(row, handOver ? { queue: row.queue } : undefined);
  faultPoint("inbound-stored");
  if (stored.processed || stored.handedOver) return;
  await processInbound(stored.id);
}

/**
 * Stores a webhook once, keyed by the provider's id, with `processedAt` empty. A repeated
 * delivery finds the row: processed, it is only acknowledged; not yet processed (the first try
 * failed or is still running), it is acted on now.
 */
export async function storeInbound(row: InboundRow, handOver?: { queue: string }): Promise<{ id: string; processed: boolean; handedOver: boolean }> {
  const id = randomUUID();
  const values = Prisma.sql`(${id}::uuid, ${row.providerKey}, ${row.kind}, ${row.fromNumber ?? null}, ${row.toNumber ?? null}, ${row.body ?? null},
            ${JSON.stringify(row.params)}::jsonb, ${row.familyId ?? null}::uuid, ${JSON.stringify(row.readings ?? {})}::jsonb)`;
  let inserted: { id: string }[];
  if (handOver) {
    await workerUtils(); // graphile-worker's schema, installed once per process
    // The queue's name is a digest: a sender's number stays out of the job queue's tables.
    const queueName = `inbound:${createHash("sha256").update(handOver.queue).digest("base64url").slice(0, 22)}`;
    inserted = await db.$queryRaw<{ id: string }[]>`
      WITH stored AS (
        INSERT INTO inbound_webhook (id, "providerKey", kind, "fromNumber", "toNumber", body, params, "familyId", readings)
        VALUES ${values} ON CONFLICT ("providerKey") DO NOTHING RETURNING id)
      SELECT stored.id::text AS id, graphile_worker.add_job(${PROCESS_INBOUND_TASK}, json_build_object('id', stored.id), queue_name => ${queueName}, max_attempts => ${SWEEP_MAX_ATTEMPTS}) IS NOT NULL AS queued
      FROM stored`;
  } else {
    inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO inbound_webhook (id, "providerKey", kind, "fromNumber", "toNumber", body, params, "familyId", readings)
      VALUES ${values} ON CONFLICT ("providerKey") DO NOTHING RETURNING id`;
  }
  if (inserted[0]) return { id: inserted[0].id, processed: false, handedOver: Boolean(handOver) };
  const existing = await db.inboundWebhook.findUniqueOrThrow({ where: { providerKey: row.providerKey }, select: { id: true, processedAt: true } });
  return { id: existing.id, processed: existing.processedAt !== null, handedOver: false };
}

/**
 * Acts on a stored webhook and marks it processed in one transaction, under the row's lock: a
 * crash or an error leaves it unprocessed for the provider's retry or the sweeper, and two
 * deliveries at once act once. Returns false when it was already processed.
 */
export async function processInbound(id: string): Promise<boolean> {
  await workerUtils();
  // Two replies touching the same rows at once may deadlock; PostgreSQL aborts one, which is
  // simply tried again (its effects were rolled back whole).
  for (let attempt = 1; ; attempt++) {
    try {
      return await processInboundOnce(id);
    } catch (error) {
      if (attempt >= 4 || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

function isTransientConflict(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === "P2034" || code === "40P01" || code === "40001" || /deadlock detected|could not serialize/i.test(message ?? "");
}

async function processInboundOnce(id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<StoredRow[]>`
      SELECT id, kind, "fromNumber", "toNumber", body, params, readings, "processedAt" FROM inbound_webhook WHERE id = ${id}::uuid FOR UPDATE`;
    if (!row || row.processedAt) return false;
    await actOn(tx, row);
    faultPoint("inbound-acted");
    await tx.inboundWebhook.update({ where: { id }, data: { processedAt: new Date() } });
    return true;
  });
}

type StoredRow = { id: string; kind: InboundKind; fromNumber: string | null; toNumber: string | null; body: string | null; params: Record<string, string>; readings: Record<string, Reading>; processedAt: Date | null };

async function actOn(tx: Transaction, row: StoredRow) {
  const messageId = row.params._m ?? null;
  if (row.kind === "status") return applyStatusCallback(tx, { params: row.params, messageId });
  if (row.kind === "gather") return applyKeypad(tx, { params: row.params, messageId });
  const from = row.fromNumber ?? "";
  const redacted = Object.values(row.readings).some((reading) => reading.word !== null);
  await receiveReply(tx, { from, to: row.toNumber, pool: getMessagingProvider().senderPool, sentAt: sentAtOf(row.params), text: row.body ?? "", redacted, readings: row.readings, senderLocale: await senderLocale(tx, from) });
}

/** When a text found in the provider's record was sent (reconciliation notes it; webhooks do not). */
export function sentAtOf(params: Record<string, string>): Date | undefined {
  const sentAt = params._sentAt ? new Date(params._sentAt) : undefined;
  return sentAt && !Number.isNaN(sentAt.getTime()) ? sentAt : undefined;
}

async function senderLocale(tx: Transaction, phone: string): Promise<Locale> {
  const known = (await tx.person.findFirst({ where: { phone }, select: { locale: true } })) ?? (await tx.contact.findFirst({ where: { phone }, select: { locale: true } }));
  return known?.locale ?? (phone.startsWith("+52") ? "es" : "en");
}

/** After this many failed attempts in the sweeper, a row is parked and left for a person. */
export const SWEEP_MAX_ATTEMPTS = 5;

/**
 * The sweeper: acts on webhooks stored but never processed (the app crashed between the two, or
 * the database went away mid-way). Run by the worker every minute; safe beside live traffic.
 * Each row on its own: a row that fails is counted and the ones behind it still go; a row that
 * has failed SWEEP_MAX_ATTEMPTS times is parked (`parkedAt`), with one log line naming the row and
 * the error's kind, never its content.
 */
export async function sweepInbound(options: { olderThanSeconds?: number; limit?: number } = {}): Promise<number> {
  const rows = await db.inboundWebhook.findMany({
    where: { processedAt: null, parkedAt: null, receivedAt: { lt: new Date(Date.now() - (options.olderThanSeconds ?? 10) * 1000) } },
    orderBy: { receivedAt: "asc" },
    take: options.limit ?? 200,
    select: { id: true, kind: true },
  });
  let processed = 0;
  for (const { id, kind } of rows) {
    try {
      if (await processInbound(id)) processed++;
    } catch (error) {
      const reason = describeError(error);
      const [row] = await db.$queryRaw<{ attempts: number }[]>`
        UPDATE inbound_webhook SET attempts = attempts + 1,
          "parkedAt" = CASE WHEN attempts + 1 >= ${SWEEP_MAX_ATTEMPTS} THEN now() ELSE NULL END
        WHERE id = ${id}::uuid AND "processedAt" IS NULL RETURNING attempts`;
      if (row && row.attempts >= SWEEP_MAX_ATTEMPTS) console.error(`inbound sweeper: parked ${kind} webhook ${id} after ${row.attempts} failed attempts (${reason})`);
      else if (row) console.warn(`inbound sweeper: acting on ${kind} webhook ${id} failed (attempt ${row.attempts} of ${SWEEP_MAX_ATTEMPTS}): ${reason}`);
    }
  }
  return processed;
}

/** An error's kind and code, never its message (it may quote the stored text). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? `${error.name} ${code}` : error.name;
}
