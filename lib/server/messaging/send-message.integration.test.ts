import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { createTestPlan } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { signedWebhook } from "@/tests/integration/webhook-request";
import { getMessagingProvider, setMessagingProvider } from "./provider";
import { reconcileWithProvider } from "./reconcile";
import { deliverMessage, queueMessage, retryPolicy, sendSms, startCall } from "./send-message";
import { createSimulatorProvider } from "./simulator-provider";
import { storeInbound } from "./inbound";
import { messageSid } from "@/tests/integration/webhook-request";
import { handleTwilioWebhook } from "./webhooks";
import { createTwilioProvider } from "./twilio-provider";

let fake: FakeTwilio;
const to = () => `+5255${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const outgoing = (phone = to()) => ({ familyId: null, to: phone, body: "Prueba del plan", locale: "es" as const, purpose: "test" });

beforeAll(async () => {
  fake = await startFakeTwilio();
  retryPolicy.baseDelayMs = 5;
  setMessagingProvider(
    createTwilioProvider({
      ...env,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: "+15005550006",
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: 3000,
    }),
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
    expect(fake.requests[0]!.params).toMatchObject({
      To: message.to,
      Body: "Prueba del plan",
      From: "+15005550006",
      StatusCallback: `${env.PUBLIC_BASE_URL}/api/twilio/status?m=${message.id}#rc=5&rp=ct,rt,5xx`,
    });
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
    expect(await deliverMessage(message.id, { finalAttempt: true })).toMatchObject({
      status: "failed",
      attempts: 3 * retryPolicy.maxAttempts,
    });
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
      params: {
        MachineDetection: "Enable",
        Url: `${env.PUBLIC_BASE_URL}/api/twilio/voice?m=${message.id}#rc=5&rp=ct,rt,5xx`,
        Method: "POST",
      },
    });
  });
});

describe("reconciliation beside the outbox", () => {
  it("leaves a text the outbox is still retrying through a provider outage longer than the cut-off: sent once when the provider recovers", async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
    const message = await db.outboundMessage.findFirstOrThrow({ where: { to: ana.phone } });

    // The provider answers 500 to every attempt of the outbox's first run: the job will retry later.
    fake.failNext(500, 1000);
    await drainJobs();
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "pending",
      providerSid: null,
      sendingAt: null,
    });
    // Reconciliation runs past the cut-off, the provider still down: the message is the outbox's.
    await reconcileWithProvider({ cutOffAfterMs: 0 });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "pending",
      providerSid: null,
    });

    // The provider recovers; the outbox's retry comes due and sends it.
    fake.behaveNormally();
    const utils = await workerUtils();
    await utils.withPgClient((client) =>
      client.query("SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE key = $1), run_at := now())", [
        `send:${message.id}`,
      ]),
    );
    await drainJobs();
    await reconcileWithProvider({ cutOffAfterMs: 0 });
    const sent = fake.messages.filter((candidate) => candidate.to === ana.phone);
    expect(sent).toHaveLength(1);
    const status = await handleTwilioWebhook(
      signedWebhook(`/api/twilio/status?m=${message.id}`, {
        MessageSid: sent[0]!.sid,
        SmsSid: sent[0]!.sid,
        MessageStatus: "delivered",
        AccountSid: fake.accountSid,
        From: "+15005550006",
        To: ana.phone,
      }),
    );
    expect(status.status).toBe(200);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "delivered",
      providerSid: sent[0]!.sid,
    });
    expect(
      await db.incidentEvent.count({ where: { incidentId: incident.id, type: "delivery", data: { path: ["status"], equals: "failed" } } }),
    ).toBe(0);
  });

  it("tells the incident when a first text ends failed (the call follows at once)", async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    await drainJobs(); // what earlier tests left queued goes first
    const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
    fake.failNext(400);
    await drainJobs();
    expect(await db.outboundMessage.findFirstOrThrow({ where: { to: ana.phone, channel: "sms" } })).toMatchObject({ status: "failed" });
    expect(
      await db.incidentEvent.count({ where: { incidentId: incident.id, type: "delivery", data: { path: ["status"], equals: "failed" } } }),
    ).toBe(1);
    // The call was due at once, and went.
    await drainJobs();
    expect(fake.requests.filter((request) => request.resource === "Calls" && request.params.To === ana.phone)).toHaveLength(1);
  });
});

describe("a send a dead worker left behind", () => {
  it("adopts the provider's entry no other message holds, not the first with the same number and text", async () => {
    const phone = to();
    // B is queued; a worker sends it and dies before writing the provider's id; its job is lost.
    const b = await db.$transaction((tx) => queueMessage(tx, { ...outgoing(phone), channel: "sms" }));
    await (await workerUtils()).withPgClient((client) => client.query("SELECT graphile_worker.remove_job($1)", [`send:${b.id}`]));
    const forB = await getMessagingProvider().sendSms({
      to: phone,
      body: b.body,
      statusCallback: `${env.PUBLIC_BASE_URL}/api/twilio/status?m=${b.id}`,
    });
    await db.outboundMessage.update({ where: { id: b.id }, data: { sendingAt: new Date(Date.now() - 3 * 60_000) } });
    // A, the same text to the same number, is sent later: the newest entry of the provider's list.
    const a = await sendSms(outgoing(phone));
    expect(a.providerSid).not.toBe(forB.sid);

    await reconcileWithProvider({ cutOffAfterMs: 0 });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ providerSid: forB.sid, status: "queued" });
    expect(fake.messages.filter((message) => message.to === phone)).toHaveLength(2);
  });

  it("never places a call again whose claim went stale without a provider record of it: it ends interrupted", async () => {
    const twilio = getMessagingProvider();
    setMessagingProvider(createSimulatorProvider());
    try {
      const call = await db.$transaction((tx) => queueMessage(tx, { ...outgoing(), body: "Hola", channel: "voice" }));
      // A worker claimed it and died before the simulator got it.
      await db.outboundMessage.update({ where: { id: call.id }, data: { sendingAt: new Date(Date.now() - 3 * 60_000) } });
      expect(await deliverMessage(call.id)).toMatchObject({ status: "failed", errorCode: "interrupted", providerSid: null });
      expect(await deliverMessage(call.id)).toMatchObject({ status: "failed", errorCode: "interrupted", providerSid: null });
    } finally {
      setMessagingProvider(twilio);
    }
  });
});

describe("reconciling texts received", () => {
  it("looks back to the newest text stored for the number, past the regular two hours, after a long ingress outage", async () => {
    const twilio = getMessagingProvider();
    // A number of its own, so that no other test's texts count as the newest stored for it.
    const appNumber = `+1500555${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
    setMessagingProvider(
      createTwilioProvider({
        ...env,
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_FROM_NUMBER: appNumber,
        TWILIO_API_BASE_URL: fake.url,
        TWILIO_TIMEOUT_MS: 3000,
      }),
    );
    try {
      const sender = to();
      // The last text that got through, six hours ago; then the webhooks stopped reaching the app.
      const last = await storeInbound({
        providerKey: messageSid(),
        kind: "sms",
        fromNumber: sender,
        toNumber: appNumber,
        body: "hola",
        params: {},
      });
      await db.inboundWebhook.update({
        where: { id: last.id },
        data: { receivedAt: new Date(Date.now() - 6 * 3600_000), processedAt: new Date() },
      });
      const missed = fake.receive({ from: sender, to: appNumber, body: "sigo aqui", dateSent: new Date(Date.now() - 5 * 3600_000) });
      await reconcileWithProvider();
      expect(await db.inboundWebhook.findUnique({ where: { providerKey: missed.sid } })).toMatchObject({ processedAt: expect.any(Date) });
    } finally {
      setMessagingProvider(twilio);
    }
  });
});
