import "server-only";
import { randomBytes } from "node:crypto";
import type { MessagingProvider } from "./provider";

export const SIMULATOR_NUMBER = "+15005550006";
export const SIMULATOR_ACCOUNT_SID = `AC${"0".repeat(32)}`;

/** Numbers ending in 0000 cannot be reached in the simulator, to show what a failure looks like. */
export function isSimulatedUnreachable(phone: string): boolean {
  return phone.endsWith("0000");
}

export function simulatedSid(prefix: "SM" | "CA"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/**
 * The provider used when no Twilio account is configured. Messages are only stored; their
 * statuses advance like Twilio's, through signed status callbacks handled by the same code.
 * Calls ring, are answered, and wait for a keypress on the simulator page.
 */
export function createSimulatorProvider(): MessagingProvider {
  const later = (delayMs: number, path: string, params: Record<string, string>) => {
    setTimeout(() => {
      void import("./simulated-webhook").then(({ dispatchSignedWebhook }) => dispatchSignedWebhook(path, params)).catch((error) => {
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
    inboundNumbers: [],
    async sendSms({ to, statusCallback }) {
      const sid = simulatedSid("SM");
      const path = callbackPath(statusCallback);
      const base = { MessageSid: sid, SmsSid: sid, AccountSid: SIMULATOR_ACCOUNT_SID, From: SIMULATOR_NUMBER, To: to };
      later(150, path, { ...base, MessageStatus: "sent", SmsStatus: "sent" });
      if (isSimulatedUnreachable(to)) later(400, path, { ...base, MessageStatus: "undelivered", SmsStatus: "undelivered", ErrorCode: "30003" });
      else later(400, path, { ...base, MessageStatus: "delivered", SmsStatus: "delivered" });
      return { sid, status: "queued" };
    },
    async startCall({ to, statusCallback }) {
      const sid = simulatedSid("CA");
      const path = callbackPath(statusCallback);
      const base = { CallSid: sid, AccountSid: SIMULATOR_ACCOUNT_SID, From: SIMULATOR_NUMBER, To: to, Direction: "outbound-api" };
      later(150, path, { ...base, CallStatus: "ringing" });
      if (isSimulatedUnreachable(to)) later(400, path, { ...base, CallStatus: "no-answer" });
      else later(400, path, { ...base, CallStatus: "in-progress", AnsweredBy: "human" });
      return { sid, status: "queued" };
    },
  };
}
