import "server-only";
import { db } from "@/lib/db";
import { finalStatuses } from "@/lib/messaging/status";
import { processInbound, storeInbound } from "./inbound";
import { getMessagingProvider, ProviderError } from "./provider";
import { findSentInRecord } from "./provider-record";
import { receiveInboundSms } from "./receive-sms";
import { deliverMessage, endFailed, requeueSend, SEND_CLAIM_MS, sendJobAlive } from "./send-message";

/** How far back a regular reconciliation looks at least; after a restart it looks back a whole day. */
export const RECONCILE_LOOKBACK_MS = 2 * 3600_000;
export const FULL_LOOKBACK_MS = 24 * 3600_000;
/** Texts received are looked for from this long before the newest one stored (clock skew, slow webhooks). */
const INBOUND_MARGIN_MS = 10 * 60_000;

/**
 * Where the listing of texts received by `to` starts: from the newest text stored for it, less a
 * margin, so that an ingress outage of any length while the worker runs is covered; at least the
 * regular look-back, at most a day.
 */
async function inboundSince(to: string, now: Date, lookbackMs?: number): Promise<Date> {
  if (lookbackMs !== undefined) return new Date(now.getTime() - lookbackMs);
  const newest = await db.inboundWebhook.findFirst({
    where: { kind: "sms", toNumber: to },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true },
  });
  const fromNewest = newest ? newest.receivedAt.getTime() - INBOUND_MARGIN_MS : 0;
  return new Date(Math.max(now.getTime() - FULL_LOOKBACK_MS, Math.min(now.getTime() - RECONCILE_LOOKBACK_MS, fromNewest)));
}
/** A status that has not moved for this long is asked for. */
const STALE_STATUS_AFTER_MS = 5 * 60_000;

/**
 * Reconciles the app with the provider's own record, so that nothing an outage swallowed stays
 * lost: texts the provider received whose webhook never got through (Twilio gives up after 15 s
 * of retries) go through the very same intake; a send cut off mid-way is adopted if the provider
 * has it, else sent again; a status stuck short of final is fetched. The worker runs it every
 * minute, and with the full lookback whenever it (re)starts, as after a database outage.
 */
export async function reconcileWithProvider(options: { lookbackMs?: number; cutOffAfterMs?: number; now?: Date } = {}) {
  const provider = getMessagingProvider();
  const record = provider.record;
  const result = { inbound: 0, adopted: 0, resent: 0, statuses: 0 };
  if (!record) return result;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.lookbackMs ?? RECONCILE_LOOKBACK_MS));

  // Texts received that the app never stored.
  // Only the app's own numbers: an account's other numbers may belong to other applications.
  for (const to of provider.inboundNumbers) {
    const received = await record.listInbound({ to, since: await inboundSince(to, now, options.lookbackMs) });
    const known = new Set(
      (
        await db.inboundWebhook.findMany({
          where: { providerKey: { in: received.map((message) => message.sid) } },
          select: { providerKey: true },
        })
      ).map((row) => row.providerKey),
    );
    for (const message of received.filter((candidate) => !known.has(candidate.sid)).reverse()) {
      // When it was sent travels with it: it answers only questions asked before that moment.
      await receiveInboundSms({
        params: {
          MessageSid: message.sid,
          From: message.from,
          To: message.to,
          Body: message.body,
          NumMedia: "0",
          ...(message.sentAt ? { _sentAt: message.sentAt.toISOString() } : {}),
        },
        messageId: null,
      });
      result.inbound++;
    }
  }

  // Sends cut off mid-way (claimed long ago, never finished) or never taken (their job lost): the
  // provider's record says whether a text went. A call cut off mid-way is not placed again (a
  // second call is worse than none): it ends failed, and the screen shows it.
  const stuckBefore = new Date(now.getTime() - (options.cutOffAfterMs ?? SEND_CLAIM_MS));
  const cutOff = await db.outboundMessage.findMany({
    where: {
      provider: provider.name,
      createdAt: { gt: since, lt: stuckBefore },
      OR: [
        { status: "pending", providerSid: null, OR: [{ sendingAt: { lt: stuckBefore } }, { sendingAt: null }] },
        { status: "failed", errorCode: "timeout", providerSid: null, channel: "sms", updatedAt: { lt: stuckBefore } },
      ],
    },
    take: 100,
  });
  // A message whose send job is still queued, waiting to retry or held by a live worker is the
  // outbox's: reconciling it too would race it (and fail a message the outbox would still send).
  const outboxOwns = await sendJobAlive(
    cutOff.filter((message) => message.status === "pending").map((message) => message.id),
    stuckBefore,
  );
  for (const message of cutOff) {
    if (outboxOwns.has(message.id)) continue;
    // Only an entry no other message of ours holds, preferably one that names this message.
    const sent = message.channel === "sms" ? await findSentInRecord(record, message) : undefined;
    if (sent) {
      await db.outboundMessage.updateMany({
        where: { id: message.id, providerSid: null },
        data: { providerSid: sent.sid, status: sent.status, errorCode: null },
      });
      result.adopted++;
    } else if (message.channel === "voice" && message.sendingAt) {
      await endFailed(message.id, { errorCode: "interrupted" });
    } else {
      if (message.status === "failed")
        await db.outboundMessage.updateMany({
          where: { id: message.id, status: "failed" },
          data: { status: "pending", sendingAt: null, errorCode: null },
        });
      // Never final here: a retryable failure hands the message back to the outbox's job.
      const delivered = await deliverMessage(message.id).catch(async (error: unknown) => {
        if (error instanceof ProviderError && error.kind === "retryable") await requeueSend(message.id);
        else console.warn(`reconcile: sending ${message.id} again failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      if (delivered?.providerSid) result.resent++;
    }
  }

  // Statuses stuck short of final: asked for, and applied through the status intake.
  // A message the provider took while the worker died before writing its status (still pending,
  // its provider id known) is asked for too.
  const stale = await db.outboundMessage.findMany({
    where: {
      provider: provider.name,
      providerSid: { not: null },
      createdAt: { gt: since },
      OR: [
        {
          channel: "sms",
          status: { notIn: ["pending", ...finalStatuses] },
          updatedAt: { lt: new Date(now.getTime() - STALE_STATUS_AFTER_MS) },
        },
        { status: "pending", sendingAt: { lt: stuckBefore } },
      ],
    },
    take: 100,
  });
  for (const message of stale) {
    const current = await record.fetchMessage(message.providerSid!);
    if (!current || current.status === message.status) continue;
    const params: Record<string, string> =
      message.channel === "voice"
        ? { CallSid: current.sid, CallStatus: current.status === "sent" ? "initiated" : current.status, _m: message.id }
        : { MessageSid: current.sid, MessageStatus: current.status, _m: message.id };
    const stored = await storeInbound({ providerKey: `${current.sid}:${current.status}`, kind: "status", params });
    if (!stored.processed) await processInbound(stored.id);
    result.statuses++;
  }
  return result;
}
