import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { LineLookup, MessagingProvider, RecordedMessage } from "./provider";

export const SIMULATOR_NUMBER = "+15005550006";
export const SIMULATOR_ACCOUNT_SID = `AC${"0".repeat(32)}`;

/** Numbers ending in 0000 cannot be reached in the simulator, to show what a failure looks like. */
export function isSimulatedUnreachable(phone: string): boolean {
  return phone.endsWith("0000");
}

export function simulatedSid(prefix: "SM" | "CA"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

type OutboundRow = { id: string; providerSid: string | null; to: string; body: string; status: string; createdAt: Date };
/** A message the simulator took is at least "sent" in its record, whatever the app has heard since. */
const sentRecord = (row: OutboundRow): RecordedMessage => ({
  sid: row.providerSid!,
  direction: "outbound-api",
  from: SIMULATOR_NUMBER,
  to: row.to,
  body: row.body,
  status: row.status === "pending" ? "sent" : row.status,
  sentAt: row.createdAt,
  messageId: row.id,
});

/**
 * The simulator's record is the database: it writes the id it gives a message onto the message's
 * row (named by the callback URL's `m`) before answering, so that a worker that dies right after
 * the send leaves that trace behind, exactly as Twilio's record would.
 */
async function recordSimulatedSend(callbackUrl: string, sid: string) {
  const messageId = new URL(callbackUrl).searchParams.get("m");
  if (messageId) await db.outboundMessage.updateMany({ where: { id: messageId, providerSid: null }, data: { providerSid: sid } });
}

/**
 * The simulator's Lookup, deterministic so demos and tests can rely on it: a number ending in 9
 * is a non-fixed VoIP line (what extortion crews favour), in 8 a landline, anything else mobile.
 */
export function simulatedLineLookup(e164: string): LineLookup {
  const last = e164.at(-1);
  if (last === "9") return { lineType: "nonFixedVoip", carrier: "Simulated VoIP" };
  if (last === "8") return { lineType: "landline", carrier: "Simulated Telephone Co." };
  return { lineType: "mobile", carrier: "Simulated Mobile" };
}

/**
 * The provider used when no Twilio account is configured. Messages are only stored; their
 * statuses advance like Twilio's, through signed status callbacks handled by the same code.
 * Calls ring, are answered, and wait for a keypress on the simulator page.
 */
export function createSimulatorProvider(): MessagingProvider {
  const later = (delayMs: number, path: string, params: Record<string, string>) => {
    setTimeout(() => {
      void import("./simulated-webhook")
        .then(({ dispatchSignedWebhook }) => dispatchSignedWebhook(path, params))
        .catch((error) => {
          console.error("Simulator could not deliver a status callback", error);
        });
    }, delayMs).unref?.();
  };
  const callbackPath = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };

  return {
    name: "simulator",
    senderPool: [],
    inboundNumbers: [SIMULATOR_NUMBER],
    record: {
      async listInbound({ to, since }) {
        const rows = await db.inboundWebhook.findMany({
          where: { kind: "sms", receivedAt: { gte: since }, ...(to ? { toNumber: to } : {}) },
          orderBy: { receivedAt: "desc" },
        });
        return rows.map((row) => ({
          sid: row.providerKey,
          direction: "inbound",
          from: row.fromNumber ?? "",
          to: row.toNumber ?? SIMULATOR_NUMBER,
          body: row.body ?? "",
          status: "received",
          sentAt: row.receivedAt,
        }));
      },
      async listSent({ to, since }) {
        const rows = await db.outboundMessage.findMany({
          where: { provider: "simulator", to, providerSid: { not: null }, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
        });
        return rows.map(sentRecord);
      },
      async fetchMessage(sid) {
        const row = await db.outboundMessage.findUnique({ where: { providerSid: sid } });
        return row ? sentRecord(row) : null;
      },
    },
    async lookUpNumber(e164) {
      return simulatedLineLookup(e164);
    },
    async sendSms({ to, statusCallback }) {
      const sid = simulatedSid("SM");
      await recordSimulatedSend(statusCallback, sid);
      const path = callbackPath(statusCallback);
      const base = { MessageSid: sid, SmsSid: sid, AccountSid: SIMULATOR_ACCOUNT_SID, From: SIMULATOR_NUMBER, To: to };
      later(150, path, { ...base, MessageStatus: "sent", SmsStatus: "sent" });
      if (isSimulatedUnreachable(to))
        later(400, path, { ...base, MessageStatus: "undelivered", SmsStatus: "undelivered", ErrorCode: "30003" });
      else later(400, path, { ...base, MessageStatus: "delivered", SmsStatus: "delivered" });
      return { sid, status: "queued" };
    },
    async startCall({ to, statusCallback }) {
      const sid = simulatedSid("CA");
      await recordSimulatedSend(statusCallback, sid);
      const path = callbackPath(statusCallback);
      const base = { CallSid: sid, AccountSid: SIMULATOR_ACCOUNT_SID, From: SIMULATOR_NUMBER, To: to, Direction: "outbound-api" };
      later(150, path, { ...base, CallStatus: "ringing" });
      if (isSimulatedUnreachable(to)) later(400, path, { ...base, CallStatus: "no-answer" });
      else later(400, path, { ...base, CallStatus: "in-progress", AnsweredBy: "human" });
      return { sid, status: "queued" };
    },
  };
}
