import "server-only";
import { db } from "@/lib/db";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { smsSegments } from "@/lib/messaging/sms-segments";
import { callbackUrl, getMessagingProvider, ProviderError, type ProviderResult } from "./provider";

export const retryPolicy = { maxAttempts: 4, baseDelayMs: 250 };

type Outgoing = { familyId: string | null; to: string; body: string; locale: Locale; purpose: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function isOptedOut(phone: string): Promise<boolean> {
  return (await db.smsOptOut.count({ where: { phone } })) > 0;
}

/**
 * Records the message first, then asks the provider, retrying 429 and 5xx with backoff. A
 * timeout is not retried: the provider may have sent it, and its status callback (which
 * carries our id) will say so. Every message ends delivered, failed, or still in flight.
 */
async function dispatch(channel: Channel, outgoing: Outgoing, call: (id: string) => Promise<ProviderResult>) {
  const provider = getMessagingProvider();
  const message = await db.outboundMessage.create({
    data: { ...outgoing, channel, provider: provider.name, status: "pending", segments: channel === "sms" ? smsSegments(outgoing.body).segments : 0 },
  });
  for (let attempt = 1; ; attempt++) {
    await db.outboundMessage.update({ where: { id: message.id }, data: { attempts: attempt } });
    try {
      const result = await call(message.id);
      // A fast status callback may already have moved it on: only fill what is still empty.
      await db.outboundMessage.updateMany({ where: { id: message.id, status: "pending" }, data: { providerSid: result.sid, status: result.status } });
      await db.outboundMessage.updateMany({ where: { id: message.id, providerSid: null }, data: { providerSid: result.sid } });
      break;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === "retryable" && attempt < retryPolicy.maxAttempts) {
        await sleep(retryPolicy.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2));
        continue;
      }
      await db.outboundMessage.updateMany({ where: { id: message.id, status: "pending" }, data: { status: "failed", errorCode: error.code ?? error.kind } });
      break;
    }
  }
  return db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
}

/** Sends an SMS, unless the number has opted out (then it is recorded as failed, never sent). */
export async function sendSms(outgoing: Outgoing) {
  if (await isOptedOut(outgoing.to)) {
    return db.outboundMessage.create({
      data: { ...outgoing, channel: "sms", provider: getMessagingProvider().name, status: "failed", errorCode: "opted_out", segments: smsSegments(outgoing.body).segments },
    });
  }
  return dispatch("sms", outgoing, (id) =>
    getMessagingProvider().sendSms({ to: outgoing.to, body: outgoing.body, statusCallback: callbackUrl("/api/twilio/status", id) }),
  );
}

/** Places an automated call that speaks `body` and gathers one keypress. */
export async function startCall(outgoing: Outgoing) {
  return dispatch("voice", outgoing, (id) =>
    getMessagingProvider().startCall({ to: outgoing.to, twimlUrl: callbackUrl("/api/twilio/voice", id), statusCallback: callbackUrl("/api/twilio/status", id) }),
  );
}
