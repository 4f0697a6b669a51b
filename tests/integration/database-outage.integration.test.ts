// PostgreSQL goes away in the middle of an incident and comes back: the app recovers by itself,
// an inbound reply refused during the outage is accepted on the provider's retry (once), and
// the escalation timer fires once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeConsoleErrors } from "@/tests/setup/fail-on-console-error";
import { startTcpProxy } from "./tcp-proxy";

const realUrl = new URL(process.env.DATABASE_URL!);
const proxy = await startTcpProxy({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
const proxiedUrl = new URL(realUrl);
proxiedUrl.host = `127.0.0.1:${proxy.port}`;
// Every module of the app below connects through the proxy (hence the dynamic imports: the
// environment is read when lib/env is first imported).
process.env.DATABASE_URL = proxiedUrl.toString();

const { db } = await import("@/lib/db");
const { setMessagingProvider } = await import("@/lib/server/messaging/provider");
const { handleTwilioWebhook } = await import("@/lib/server/messaging/webhooks");
const { startIncident } = await import("@/lib/server/incidents/start-incident");
const { superviseIncidentWorker } = await import("@/lib/server/incidents/worker");
const { workerUtils } = await import("@/lib/server/incidents/schedule");
const { createTestFamily } = await import("./factories");
const { inboundSms, signedWebhook } = await import("./webhook-request");
const { makeStepDue } = await import("./jobs");

const sent: string[] = [];
let sids = 0;
beforeAll(() =>
  setMessagingProvider({
    name: "simulator",
    senderPool: [],
    inboundNumbers: [],
    sendSms: async ({ to }) => (sent.push(to), { sid: `SM${String(++sids).padStart(32, "0")}`, status: "queued" }),
    startCall: async ({ to }) => (sent.push(to), { sid: `CA${String(++sids).padStart(32, "0")}`, status: "queued" }),
  }),
);
afterAll(async () => {
  setMessagingProvider(undefined);
  await (await workerUtils()).release();
  await db.$disconnect();
  await proxy.close();
});

const post = (params: Record<string, string>) => handleTwilioWebhook(signedWebhook("/api/twilio/sms", params));

describe("a database outage mid-incident", () => {
  it("loses no reply and fires the next wave once", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Apagón" });
    const person = await db.person.create({ data: { familyId: family.id, name: "Eva", phone: "+525566001122", locale: "es" } });
    const contact = await db.contact.create({
      data: { familyId: family.id, name: "Vecino", phone: "+525566001133", locale: "es", relationship: "neighbor" },
    });
    await db.personContact.create({ data: { personId: person.id, contactId: contact.id, tier: 1 } });
    const { incident } = await startIncident({ familyId: family.id, userId: ownerId, personId: person.id });
    const worker = superviseIncidentWorker({ pollInterval: 200 });

    try {
      proxy.down();
      const reply = inboundSms(person.phone, "estoy en la escuela");
      const refused = await post(reply);
      expect(refused.status).toBe(503);
      expect(takeConsoleErrors().length).toBeGreaterThan(0);

      // The timer of tier 1 comes due while the database is away.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      proxy.up();
      const utils = await workerUtils();
      await expect.poll(async () => (await utils.withPgClient((client) => client.query("SELECT 1"))).rowCount, { timeout: 15_000 }).toBe(1);
      await makeStepDue(incident.id, "tier1");

      // The provider retries the same message: accepted now, and only once.
      await expect.poll(async () => (await post(reply)).status, { timeout: 15_000 }).toBe(200);
      expect((await post(reply)).status).toBe(200);
      expect(await db.inboundWebhook.count({ where: { providerKey: reply.MessageSid } })).toBe(1);
      expect(await db.incidentEvent.count({ where: { incidentId: incident.id, type: "reply" } })).toBe(1);

      await expect.poll(() => db.checkIn.count({ where: { incidentId: incident.id, wave: 2 } }), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => sent.filter((to) => to === contact.phone).length, { timeout: 5_000 }).toBe(1);
    } finally {
      takeConsoleErrors();
      await worker.stop();
    }
    expect(await db.checkIn.count({ where: { incidentId: incident.id, wave: 2 } })).toBe(1);
  });
});
