import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { smsSegments } from "@/lib/messaging/sms-segments";
import { faultPoint } from "@/lib/server/fault-point";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { onCheckInDelivery } from "./apply-callbacks";
import { callbackUrl, getMessagingProvider, ProviderError, type ProviderResult } from "./provider";
import { findSentInRecord } from "./provider-record";

export const retryPolicy = { maxAttempts: 4, baseDelayMs: 250 };
/** The outbox's job: one per queued message, keyed by the message so it is never doubled. */
export const SEND_MESSAGE_TASK = "send_message";
/** How long a conversation with a number lasts: a reply within it answers what was sent. */
export const CONVERSATION_WINDOW_MS = 24 * 3600_000;

export type Outgoing = { familyId: string | null; to: string; body: string; locale: Locale; purpose: string };
type Transaction = Prisma.TransactionClient;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function isOptedOut(phone: string, client: Pick<Transaction, "smsOptOut"> = db): Promise<boolean> {
  return (await client.smsOptOut.count({ where: { phone } })) > 0;
}

/**
 * The transactional outbox: records the message and the job that sends it in the caller's
 * transaction, so that they exist exactly when the state change that caused them does. A text
 * to a number that opted out is recorded as failed and never queued. Calls need no opt-out check.
 */
export async function queueMessage(tx: Transaction, outgoing: Outgoing & { channel: Channel }) {
  const { channel, ...fields } = outgoing;
  const optedOut = channel === "sms" && (await isOptedOut(outgoing.to, tx));
  const provider = getMessagingProvider();
  const message = await tx.outboundMessage.create({
    data: {
      ...fields,
      channel,
      fromNumber: await chooseSender(tx, { pool: provider.senderPool, familyId: outgoing.familyId, to: outgoing.to }),
      provider: provider.name,
      status: optedOut ? "failed" : "pending",
      errorCode: optedOut ? "opted_out" : null,
      segments: channel === "sms" ? smsSegments(outgoing.body).segments : 0,
    },
  });
  if (!optedOut) {
    await tx.$executeRaw`SELECT graphile_worker.add_job(${SEND_MESSAGE_TASK}, json_build_object('messageId', ${message.id}::text), max_attempts => 10, job_key => ${`send:${message.id}`})`;
  }
  return message;
}

/**
 * With a pool of sending numbers, the number a family talks to someone from: the one it already
 * uses with them, else one that no other family uses with them now, else the least used. Then a
 * reply's (From, To) names one family's conversation. Under a lock on the recipient, so two
 * families starting at the same moment do not take the same number. See decision 005.
 */
async function chooseSender(
  tx: Transaction,
  options: { pool: readonly string[]; familyId: string | null; to: string },
): Promise<string | null> {
  if (options.pool.length === 0) return null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sender:${options.to}`}))`;
  const recent = await tx.outboundMessage.findMany({
    where: { to: options.to, fromNumber: { in: [...options.pool] }, createdAt: { gt: new Date(Date.now() - CONVERSATION_WINDOW_MS) } },
    select: { familyId: true, fromNumber: true },
    orderBy: { createdAt: "desc" },
  });
  const ours = recent.find((row) => row.familyId === options.familyId);
  if (ours) return ours.fromNumber;
  const taken = new Set(recent.filter((row) => row.familyId !== options.familyId).map((row) => row.fromNumber));
  const free = options.pool.find((number) => !taken.has(number));
  if (free) return free;
  const uses = (number: string) => recent.filter((row) => row.fromNumber === number).length;
  return [...options.pool].sort((a, b) => uses(a) - uses(b))[0]!;
}

/** A worker that took a message this long ago and never finished it died mid-send. */
export const SEND_CLAIM_MS = 2 * 60_000;

/**
 * Asks the provider for one recorded message. The message is claimed first (one conditional
 * write), so the outbox job and reconciliation can never both send it. 429, 5xx and an unreachable
 * provider are retried here with backoff, then handed back to the job queue (it throws) to be
 * retried later with the queue's own backoff, until `finalAttempt`. A refusal ends it failed. A
 * timeout is not retried: the provider may have sent it; its status callback (which carries our
 * id) or reconciliation with its record will say.
 */
export async function deliverMessage(messageId: string, options: { finalAttempt?: boolean } = {}) {
  const staleClaim = new Date(Date.now() - SEND_CLAIM_MS);
  const before = await db.outboundMessage.findUnique({ where: { id: messageId }, select: { sendingAt: true } });
  if (!before) return null;
  // Claimed only if nobody else claimed it since we looked (the claim we saw is the one replaced).
  const claimed = await db.outboundMessage.updateMany({
    where: {
      id: messageId,
      status: "pending",
      providerSid: null,
      sendingAt: before.sendingAt,
      ...(before.sendingAt ? { AND: [{ sendingAt: { lt: staleClaim } }] } : {}),
    },
    data: { sendingAt: new Date() },
  });
  const message = await db.outboundMessage.findUnique({ where: { id: messageId } });
  if (!message || claimed.count === 0) return message;
  const provider = getMessagingProvider();
  if (before.sendingAt) {
    // A worker took it and died mid-send: it may have reached the provider. A call is never
    // placed twice (a second call is worse than none): it ends interrupted, and the screen shows
    // it. A text the provider's record has is adopted; one it does not have is sent.
    if (message.channel === "voice") {
      await endFailed(message.id, { errorCode: "interrupted" });
      return db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
    }
    const sent = provider.record ? await findSentInRecord(provider.record, message) : undefined;
    if (sent) {
      await db.outboundMessage.updateMany({
        where: { id: message.id, providerSid: null },
        data: { providerSid: sent.sid, status: sent.status, errorCode: null },
      });
      return db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
    }
  }
  const call = (): Promise<ProviderResult> =>
    message.channel === "voice"
      ? provider.startCall({
          to: message.to,
          from: message.fromNumber,
          twimlUrl: callbackUrl("/api/twilio/voice", message.id),
          statusCallback: callbackUrl("/api/twilio/status", message.id),
        })
      : provider.sendSms({
          to: message.to,
          from: message.fromNumber,
          body: message.body,
          statusCallback: callbackUrl("/api/twilio/status", message.id),
        });
  const attemptsBefore = message.attempts;
  for (let attempt = 1; ; attempt++) {
    const attempts = attemptsBefore + attempt;
    try {
      const result = await call();
      faultPoint("send-requested");
      // A fast status callback may already have moved it on: then only its provider id is filled.
      const recorded = await db.outboundMessage.updateMany({
        where: { id: message.id, status: "pending" },
        data: { providerSid: result.sid, status: result.status, attempts },
      });
      if (recorded.count === 0)
        await db.outboundMessage.updateMany({ where: { id: message.id, providerSid: null }, data: { providerSid: result.sid, attempts } });
      break;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === "retryable" && attempt < retryPolicy.maxAttempts) {
        await sleep(retryPolicy.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2));
        continue;
      }
      if (error.kind === "retryable" && !options.finalAttempt) {
        // Still pending, claim released: the queue tries again later.
        await db.outboundMessage.updateMany({
          where: { id: message.id, status: "pending" },
          data: { sendingAt: null, attempts, errorCode: error.code ?? error.kind },
        });
        throw error;
      }
      await endFailed(message.id, { errorCode: error.code ?? error.kind, attempts });
      break;
    }
  }
  return db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
}

/**
 * Ends a message that is still pending as failed, and tells its incident in the same transaction
 * (a failed first text to the person is followed by the call at once): every path that fails a
 * message goes through here, so none skips the incident.
 */
export async function endFailed(messageId: string, data: { errorCode: string; attempts?: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.outboundMessage.updateMany({ where: { id: messageId, status: "pending" }, data: { status: "failed", ...data } });
    if (ended.count) await onCheckInDelivery(tx, { messageId, status: "failed" });
    return ended.count > 0;
  });
}

/** The outbox's job for a message is still queued, waiting to retry, or held by a live worker. */
export async function sendJobAlive(messageIds: string[], lockedSince: Date): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const utils = await workerUtils();
  const { rows } = await utils.withPgClient((client) =>
    client.query<{ key: string }>(
      "SELECT key FROM graphile_worker.jobs WHERE key = ANY($1::text[]) AND attempts < max_attempts AND (locked_at IS NULL OR locked_at > $2)",
      [messageIds.map((id) => `send:${id}`), lockedSince],
    ),
  );
  return new Set(rows.map((row) => row.key.slice("send:".length)));
}

/** Hands a message back to the outbox (after a retryable failure outside its job). */
export async function requeueSend(messageId: string) {
  await (await workerUtils()).addJob(SEND_MESSAGE_TASK, { messageId }, { jobKey: `send:${messageId}`, maxAttempts: 10 });
}

async function recordAndDeliver(channel: Channel, outgoing: Outgoing) {
  await workerUtils(); // the outbox's table exists before the first transaction uses it
  const message = await db.$transaction((tx) => queueMessage(tx, { ...outgoing, channel }));
  if (message.status !== "pending") return message;
  // The provider is still unavailable: the outbox's job keeps trying.
  return (
    (await deliverMessage(message.id).catch((error: unknown) => (error instanceof ProviderError ? null : Promise.reject(error)))) ??
    (await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } }))
  );
}

/** Sends an SMS now (the outbox's job then finds it sent), unless the number opted out. */
export function sendSms(outgoing: Outgoing) {
  return recordAndDeliver("sms", outgoing);
}

/** Places an automated call that speaks `body` (and, for questions, gathers one keypress). */
export function startCall(outgoing: Outgoing) {
  return recordAndDeliver("voice", outgoing);
}
