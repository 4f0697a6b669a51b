import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { smsSegments } from "@/lib/messaging/sms-segments";
import { faultPoint } from "@/lib/server/fault-point";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { callbackUrl, getMessagingProvider, ProviderError, type ProviderResult } from "./provider";

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
async function chooseSender(tx: Transaction, options: { pool: readonly string[]; familyId: string | null; to: string }): Promise<string | null> {
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

/**
 * Asks the provider for one recorded message, retrying 429 and 5xx with backoff. A timeout is not
 * retried: the provider may have sent it, and its status callback (which carries our id) will
 * say so. A message that already has a provider id or has moved on is never sent again. Throws
 * when the provider stays unavailable, so the outbox job is tried again later.
 */
export async function deliverMessage(messageId: string) {
  const message = await db.outboundMessage.findUnique({ where: { id: messageId } });
  if (!message || message.status !== "pending" || message.providerSid) return message;
  const provider = getMessagingProvider();
  const call = (): Promise<ProviderResult> =>
    message.channel === "voice"
      ? provider.startCall({ to: message.to, from: message.fromNumber, twimlUrl: callbackUrl("/api/twilio/voice", message.id), statusCallback: callbackUrl("/api/twilio/status", message.id) })
      : provider.sendSms({ to: message.to, from: message.fromNumber, body: message.body, statusCallback: callbackUrl("/api/twilio/status", message.id) });
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call();
      faultPoint("send-requested");
      // A fast status callback may already have moved it on: then only its provider id is filled.
      const recorded = await db.outboundMessage.updateMany({ where: { id: message.id, status: "pending" }, data: { providerSid: result.sid, status: result.status, attempts: attempt } });
      if (recorded.count === 0) await db.outboundMessage.updateMany({ where: { id: message.id, providerSid: null }, data: { providerSid: result.sid, attempts: attempt } });
      break;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === "retryable" && attempt < retryPolicy.maxAttempts) {
        await sleep(retryPolicy.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2));
        continue;
      }
      await db.outboundMessage.updateMany({ where: { id: message.id, status: "pending" }, data: { status: "failed", errorCode: error.code ?? error.kind, attempts: attempt } });
      break;
    }
  }
  return db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
}

async function recordAndDeliver(channel: Channel, outgoing: Outgoing) {
  await workerUtils(); // the outbox's table exists before the first transaction uses it
  const message = await db.$transaction((tx) => queueMessage(tx, { ...outgoing, channel }));
  return message.status === "pending" ? ((await deliverMessage(message.id)) ?? message) : message;
}

/** Sends an SMS now (the outbox's job then finds it sent), unless the number opted out. */
export function sendSms(outgoing: Outgoing) {
  return recordAndDeliver("sms", outgoing);
}

/** Places an automated call that speaks `body` (and, for questions, gathers one keypress). */
export function startCall(outgoing: Outgoing) {
  return recordAndDeliver("voice", outgoing);
}
