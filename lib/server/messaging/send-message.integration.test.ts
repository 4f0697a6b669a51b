import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { setMessagingProvider } from "./provider";
import { deliverMessage, retryPolicy, sendSms, startCall } from "./send-message";
import { createTwilioProvider } from "./twilio-provider";

let fake: FakeTwilio;
const to = () => `+5255${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const outgoing = (phone = to()) => ({ familyId: null, to: phone, body: "Prueba del plan", locale: "es" as const, purpose: "test" });

beforeAll(async () => {
  fake = await startFakeTwilio();
  retryPolicy.baseDelayMs = 5;
  setMessagingProvider(
    createTwilioProvider({ ...env, TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_FROM_NUMBER: "+15005550006", TWILIO_API_BASE_URL: fake.url, TWILIO_TIMEOUT_MS: 300 }),
  );
});
afterEach(() => (fake.requests.length = 0));
afterAll(async () => {
  setMessagingProvider(undefined);
  await fake.close();
});

describe("sendSms through the real Twilio SDK", () => {
  it("records the message, then sends it once with a status callback carrying our id", async () => {
    const message = await sendSms(outgoing());
    expect(message).toMatchObject({ provider: "twilio", status: "queued", attempts: 1, segments: 1 });
    expect(message.providerSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.params).toMatchObject({ To: message.to, Body: "Prueba del plan", From: "+15005550006", StatusCallback: `${env.PUBLIC_BASE_URL}/api/twilio/status?m=${message.id}#rc=5&rp=ct,rt,5xx` });
  });

  it("retries 429 and 500 with backoff and sends exactly once", async () => {
    fake.failNext(429);
    fake.failNext(500);
    const message = await sendSms(outgoing());
    expect(message).toMatchObject({ status: "queued", attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });

  it("leaves a message pending for the queue while the provider stays unavailable, and fails it only on the queue's last attempt", async () => {
    fake.failNext(503, retryPolicy.maxAttempts);
    const message = await sendSms(outgoing());
    expect(message).toMatchObject({ status: "pending", attempts: retryPolicy.maxAttempts, providerSid: null, sendingAt: null });
    expect(fake.requests).toHaveLength(retryPolicy.maxAttempts);
    fake.failNext(503, retryPolicy.maxAttempts);
    await expect(deliverMessage(message.id)).rejects.toMatchObject({ kind: "retryable" });
    fake.failNext(503, retryPolicy.maxAttempts);
    expect(await deliverMessage(message.id, { finalAttempt: true })).toMatchObject({ status: "failed", attempts: 3 * retryPolicy.maxAttempts });
  });

  it("is sent by one of two workers taking it at the same moment, never both", async () => {
    fake.failNext(503, retryPolicy.maxAttempts);
    const message = await sendSms(outgoing());
    fake.requests.length = 0;
    const [first, second] = await Promise.all([deliverMessage(message.id), deliverMessage(message.id)]);
    expect(fake.requests).toHaveLength(1);
    expect([first?.status, second?.status]).toContain("queued");
  });

  it("does not retry a refusal (400)", async () => {
    fake.failNext(400);
    const message = await sendSms(outgoing());
    expect(message).toMatchObject({ status: "failed", attempts: 1, errorCode: "20500" });
  });

  it("never sends twice after a timeout", async () => {
    fake.hangNext();
    const message = await sendSms(outgoing());
    expect(message).toMatchObject({ status: "failed", errorCode: "timeout", attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it("never sends to a number that opted out", async () => {
    const phone = to();
    await db.smsOptOut.create({ data: { phone } });
    const message = await sendSms(outgoing(phone));
    expect(message).toMatchObject({ status: "failed", errorCode: "opted_out", attempts: 0 });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("startCall through the real Twilio SDK", () => {
  it("asks for answering-machine detection and points Twilio at our TwiML", async () => {
    const message = await startCall({ ...outgoing(), body: "Hola" });
    expect(message).toMatchObject({ channel: "voice", status: "queued" });
    expect(fake.requests[0]).toMatchObject({
      resource: "Calls",
      params: { MachineDetection: "Enable", Url: `${env.PUBLIC_BASE_URL}/api/twilio/voice?m=${message.id}#rc=5&rp=ct,rt,5xx`, Method: "POST" },
    });
  });
});
