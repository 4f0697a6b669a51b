// A 60-second PostgreSQL outage in the middle of an incident, longer than the 15 seconds Twilio
// keeps retrying a webhook: the replies that arrive meanwhile are answered 503 and then exist only
// in the provider's own record. After recovery the worker reconciles with that record by itself:
// every reply is processed exactly once, every message is sent once, and the timer that came due
// during the outage fires once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { takeConsoleErrors } from "@/tests/setup/fail-on-console-error";
import { startTcpProxy } from "./tcp-proxy";

export const OUTAGE_MS = 60_000;
const APP_NUMBER = "+15005550006";

const realUrl = new URL(process.env.DATABASE_URL!);
const proxy = await startTcpProxy({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
const proxiedUrl = new URL(realUrl);
proxiedUrl.host = `127.0.0.1:${proxy.port}`;
// Every module of the app below connects through the proxy (hence the dynamic imports).
process.env.DATABASE_URL = proxiedUrl.toString();

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { setMessagingProvider } = await import("@/lib/server/messaging/provider");
const { createTwilioProvider } = await import("@/lib/server/messaging/twilio-provider");
const { handleTwilioWebhook } = await import("@/lib/server/messaging/webhooks");
const { reconcileWithProvider } = await import("@/lib/server/messaging/reconcile");
const { startIncident } = await import("@/lib/server/incidents/start-incident");
const { superviseIncidentWorker } = await import("@/lib/server/incidents/worker");
const { workerUtils } = await import("@/lib/server/jobs/job-queue");
const { createTestPlan } = await import("./factories");
const { inboundSms, signedWebhook } = await import("./webhook-request");

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
  setMessagingProvider(
    createTwilioProvider({
      ...env,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: APP_NUMBER,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: 2000,
    }),
  );
});
afterAll(async () => {
  setMessagingProvider(undefined);
  await fake.close();
  await (await workerUtils()).release();
  await db.$disconnect();
  await proxy.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Twilio's side of a text during the outage: it is in Twilio's record; every delivery of the webhook gets 503. */
async function textDuringOutage(from: string, body: string) {
  const message = fake.receive({ from, to: APP_NUMBER, body });
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await handleTwilioWebhook(
      signedWebhook("/api/twilio/sms", { ...inboundSms(from, body, message.sid), To: APP_NUMBER }),
    );
    expect(response.status).toBe(503);
  }
  return message;
}

describe("a 60-second database outage mid-incident", () => {
  it(
    "loses no reply the provider received, sends every message once and fires the due timer once",
    { timeout: OUTAGE_MS + 150_000 },
    async () => {
      const plan = await createTestPlan({ contacts: [{ name: "Coach", tier: 1 }] });
      const [ana, coach] = [plan.people[0]!, plan.contacts[0]!];
      await db.family.update({ where: { id: plan.family.id }, data: { callDelaySeconds: 3600, tier1DelaySeconds: 10 } });
      const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
      const worker = superviseIncidentWorker({ pollInterval: 200 });
      try {
        await expect.poll(() => fake.requests.filter((request) => request.params.To === ana.phone).length, { timeout: 10_000 }).toBe(1);

        proxy.down();
        const started = Date.now();
        const received = [await textDuringOutage(ana.phone, "ya voy")];
        await sleep(25_000);
        received.push(await textDuringOutage(ana.phone, "estoy en la escuela"));
        await sleep(20_000);
        received.push(await textDuringOutage(ana.phone, "girasol"));
        await sleep(Math.max(0, OUTAGE_MS - (Date.now() - started)));
        proxy.up();

        // Nothing is posted again: the replies exist only in the provider's record now.
        await expect
          .poll(
            () =>
              db.inboundWebhook.count({
                where: { providerKey: { in: received.map((message) => message.sid) }, processedAt: { not: null } },
              }),
            { timeout: 120_000, interval: 1000 },
          )
          .toBe(3);
        await expect.poll(() => db.checkIn.count({ where: { incidentId: incident.id, wave: 2 } }), { timeout: 30_000 }).toBe(1);
        await expect.poll(() => fake.requests.filter((request) => request.params.To === coach.phone).length, { timeout: 15_000 }).toBe(1);
        await expect
          .poll(() => fake.requests.filter((request) => request.params.To === plan.ownerPhone).length, { timeout: 15_000 })
          .toBe(1);
      } finally {
        await worker.stop();
        takeConsoleErrors();
      }

      expect(await db.incidentEvent.count({ where: { incidentId: incident.id, type: "reply" } })).toBe(3);
      expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({ state: "in_danger" });
      expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open" });
      // Reconciling again finds nothing new; every message went once.
      expect((await reconcileWithProvider()).inbound).toBe(0);
      const sends = fake.requests.map((request) => `${request.resource}:${request.params.To}:${request.params.Body ?? ""}`);
      expect(sends.length).toBe(new Set(sends).size);
    },
  );
});
