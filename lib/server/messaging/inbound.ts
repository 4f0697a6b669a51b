import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { intakePool } from "@/lib/pg-pool";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  /** Nothing to act on (the intake knows it already): stored as acted on, never handed over. */
  nothingToDo?: boolean;
};

/** The channel on which the web server wakes the worker when it stored a webhook to act on. */
export const INBOUND_CHANNEL = "confirma_inbound";

/**
 * The intake's whole job once a webhook is verified: store it and hand it over, then answer.
 * Where a worker runs beside the web server (INBOUND_PROCESSING=worker, what `npm start` sets),
 * the stored row is the hand-over: the worker is woken (`wakeInboundWorker`) and acts on it
 * (`actOnNewInbound`); otherwise it is acted on here, before the answer. A repeated delivery of
 * a row not yet acted on is acted on now either way.
 */
export async function acceptInbound(row: InboundRow): Promise<void> {
  const stored = await storeInbound(row);
  faultPoint("inbound-stored");
  if (stored.processed) return;
  if (stored.fresh && env.INBOUND_PROCESSING === "worker") {
    wakeInboundWorker();
    return;
  }
  await processInbound(stored.id);
}

let waking: Promise<unknown> | null = null;
let wakeAgain = false;

/**
 * One NOTIFY for any number of rows stored meanwhile: PostgreSQL serializes the commits of
 * notifying transactions, so a NOTIFY per webhook would cap the intake (measured in
 * docs/decisions/017-lean-webhook-intake.md). Never awaited: if it is lost (a crash, a dropped
 * connection) the worker finds the row on its next wake-up or sweep.
 */
export function wakeInboundWorker(): void {
  if (waking) {
    wakeAgain = true;
    return;
  }
  waking = intakePool
    .query(`SELECT pg_notify('${INBOUND_CHANNEL}', '')`)
    .catch(() => undefined)
    .finally(() => {
      waking = null;
      if (wakeAgain) {
        wakeAgain = false;
        wakeInboundWorker();
      }
    });
}

/**
 * The worker's side of the hand-over: acts on every stored webhook not yet acted on, oldest
 * first (one sender's texts in the order they came), until none is left. Rows that already
 * failed once are left to the sweeper, which spaces its attempts and parks a row that keeps
 * failing. Returns how many it acted on.
 */
export async function actOnNewInbound(options: { batch?: number } = {}): Promise<number> {
  let acted = 0;
  for (;;) {
    const rows = await db.inboundWebhook.findMany({
      where: { processedAt: null, parkedAt: null, attempts: 0 },
      orderBy: { receivedAt: "asc" },
      take: options.batch ?? 100,
      select: { id: true, kind: true },
    });
    if (rows.length === 0) return acted;
    for (const row of rows) {
      try {
        if (await processInbound(row.id)) acted++;
      } catch (error) {
        await recordFailedAttempt(row, error);
      }
    }
  }
}

/**
 * Stores a webhook once, keyed by the provider's id, with `processedAt` empty. A repeated
 * delivery finds the row: processed, it is only acknowledged; not yet processed (the first try
 * failed or is still running), it is acted on now.
 */
export async function storeInbound(row: InboundRow): Promise<{ id: string; processed: boolean; fresh: boolean }> {
  // Plain `pg` (lib/pg-pool.ts), a named statement: this is the intake's hot path.
  const { rows } = await intakePool.query<{ id: string; processed: boolean; fresh: boolean }>({
    name: "store-inbound",
    text: `WITH stored AS (
             INSERT INTO inbound_webhook (id, "providerKey", kind, "fromNumber", "toNumber", body, params, "familyId", readings, "processedAt")
             VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::jsonb, $8::uuid, $9::jsonb, CASE WHEN $10::boolean THEN now() END)
             ON CONFLICT ("providerKey") DO NOTHING RETURNING id)
           SELECT id::text, $10::boolean AS processed, true AS fresh FROM stored
           UNION ALL
           SELECT id::text, "processedAt" IS NOT NULL, false FROM inbound_webhook
           WHERE "providerKey" = $2 AND NOT EXISTS (SELECT 1 FROM stored)`,
    values: [
      randomUUID(),
      row.providerKey,
      row.kind,
      row.fromNumber ?? null,
      row.toNumber ?? null,
      row.body ?? null,
      JSON.stringify(row.params),
      row.familyId ?? null,
      JSON.stringify(row.readings ?? {}),
      row.nothingToDo ?? false,
    ],
  });
  if (rows[0]) return rows[0];
  // The same delivery was being stored at the same moment: its row is visible only now.
  const existing = await intakePool.query<{ id: string; processed: boolean }>(
    `SELECT id::text, "processedAt" IS NOT NULL AS processed FROM inbound_webhook WHERE "providerKey" = $1`,
    [row.providerKey],
  );
  return { ...existing.rows[0]!, fresh: false };
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

type StoredRow = {
  id: string;
  kind: InboundKind;
  fromNumber: string | null;
  toNumber: string | null;
  body: string | null;
  params: Record<string, string>;
  readings: Record<string, Reading>;
  processedAt: Date | null;
};

async function actOn(tx: Transaction, row: StoredRow) {
  const messageId = row.params._m ?? null;
  if (row.kind === "status") return applyStatusCallback(tx, { params: row.params, messageId });
  if (row.kind === "gather") return applyKeypad(tx, { params: row.params, messageId });
  const from = row.fromNumber ?? "";
  const redacted = Object.values(row.readings).some((reading) => reading.word !== null);
  await receiveReply(tx, {
    from,
    to: row.toNumber,
    pool: getMessagingProvider().senderPool,
    sentAt: sentAtOf(row.params),
    text: row.body ?? "",
    redacted,
    readings: row.readings,
    senderLocale: await senderLocale(tx, from),
  });
}

/** When a text found in the provider's record was sent (reconciliation notes it; webhooks do not). */
export function sentAtOf(params: Record<string, string>): Date | undefined {
  const sentAt = params._sentAt ? new Date(params._sentAt) : undefined;
  return sentAt && !Number.isNaN(sentAt.getTime()) ? sentAt : undefined;
}

async function senderLocale(tx: Transaction, phone: string): Promise<Locale> {
  const known =
    (await tx.person.findFirst({ where: { phone }, select: { locale: true } })) ??
    (await tx.contact.findFirst({ where: { phone }, select: { locale: true } }));
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
      await recordFailedAttempt({ id, kind }, error);
    }
  }
  return processed;
}

/** Counts a failed attempt at acting on a row, and parks the row at SWEEP_MAX_ATTEMPTS. */
async function recordFailedAttempt({ id, kind }: { id: string; kind: string }, error: unknown) {
  const reason = describeError(error);
  const [row] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE inbound_webhook SET attempts = attempts + 1,
      "parkedAt" = CASE WHEN attempts + 1 >= ${SWEEP_MAX_ATTEMPTS} THEN now() ELSE NULL END
    WHERE id = ${id}::uuid AND "processedAt" IS NULL RETURNING attempts`;
  if (row && row.attempts >= SWEEP_MAX_ATTEMPTS)
    console.error(`inbound sweeper: parked ${kind} webhook ${id} after ${row.attempts} failed attempts (${reason})`);
  else if (row)
    console.warn(`inbound sweeper: acting on ${kind} webhook ${id} failed (attempt ${row.attempts} of ${SWEEP_MAX_ATTEMPTS}): ${reason}`);
}

/** An error's kind and code, never its message (it may quote the stored text). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? `${error.name} ${code}` : error.name;
}
