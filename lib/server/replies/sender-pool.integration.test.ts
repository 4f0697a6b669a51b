import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { runIncidentStep } from "@/lib/server/incidents/run-step";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { setMessagingProvider } from "@/lib/server/messaging/provider";
import { createTwilioProvider } from "@/lib/server/messaging/twilio-provider";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { createTestPlan } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { inboundSms, signedWebhook } from "@/tests/integration/webhook-request";

const pool = ["+15005550101", "+15005550102"];
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  setMessagingProvider(
    createTwilioProvider({
      ...env,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: undefined,
      TWILIO_FROM_NUMBERS: pool,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: 2000,
    }),
  );
});
afterAll(async () => {
  setMessagingProvider(undefined);
  await fake.close();
  await (await workerUtils()).release();
});

const replyTo = (from: string, to: string, body: string) =>
  handleTwilioWebhook(signedWebhook("/api/twilio/sms", { ...inboundSms(from, body), To: to }));
const replies = (familyId: string) => db.incidentEvent.count({ where: { type: "reply", incident: { familyId } } });

describe("a pool of sending numbers", () => {
  it("gives each family its own number with someone both ask, so (From, To) names the family even without a word", async () => {
    const a = await createTestPlan({ name: "Familia Vega", people: [{ name: "Ana Vega" }] });
    const shared = a.people[0]!.phone;
    const b = await createTestPlan({
      name: "Familia Ruiz",
      people: [{ name: "Beto Ruiz" }],
      contacts: [{ name: "Ana", tier: 1, phone: shared }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const incidentA = (await startIncident({ ...a.scope, personId: a.people[0]!.id })).incident.id;
    const incidentB = (await startIncident({ ...b.scope, personId: b.people[0]!.id })).incident.id;
    await runIncidentStep({ incidentId: incidentB, step: "tier1" });
    await drainJobs();

    const toShared = fake.requests.filter((request) => request.params.To === shared);
    expect(toShared).toHaveLength(2);
    const [fromA, fromB] = [
      toShared.find((request) => request.params.Body!.startsWith("Hola"))!.params.From,
      toShared.find((request) => request.params.Body!.startsWith("Consulta"))!.params.From,
    ];
    expect(new Set([fromA, fromB])).toEqual(new Set(pool));

    await replyTo(shared, fromB!, "SI");
    expect([await replies(a.family.id), await replies(b.family.id)]).toEqual([0, 1]);
    await replyTo(shared, fromA!, "ya voy");
    expect([await replies(a.family.id), await replies(b.family.id)]).toEqual([1, 1]);
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: incidentB } })).toMatchObject({ state: "probably_safe" });

    // The same family keeps its number with that person for the rest of the conversation.
    await runIncidentStep({ incidentId: incidentA, step: "call" });
    await drainJobs();
    expect(
      fake.requests.filter((request) => request.resource === "Calls" && request.params.To === shared).map((request) => request.params.From),
    ).toEqual([fromA]);
  });
});
