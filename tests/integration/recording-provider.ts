// A messaging provider that records what would be sent, for tests about what the app decides
// to send (the SDK itself is exercised against the fake Twilio server in send-message tests).
import { afterAll, beforeAll } from "vitest";
import { setMessagingProvider, type MessagingProvider } from "@/lib/server/messaging/provider";
import { callSid, messageSid } from "./webhook-request";

export function recordOutgoingMessages() {
  const sent: { to: string; body: string }[] = [];
  const provider: MessagingProvider = {
    name: "simulator",
    senderPool: [],
    inboundNumbers: [],
    sendSms: async ({ to, body }) => (sent.push({ to, body }), { sid: messageSid(), status: "queued" }),
    startCall: async ({ to }) => (sent.push({ to, body: "call" }), { sid: callSid(), status: "queued" }),
  };
  beforeAll(() => setMessagingProvider(provider));
  afterAll(() => setMessagingProvider(undefined));
  return sent;
}
