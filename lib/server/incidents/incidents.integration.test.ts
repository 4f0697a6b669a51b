import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { inboundSms, signedWebhook } from "@/tests/integration/webhook-request";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { closeIncidentByAdult } from "./close-incident";
import { checkCallerWord, getIncident, pauseIncident, sendNextWaveNow } from "./manage-incident";
import { MAX_WRONG_WORDS } from "./record-reply";
import { runIncidentStep } from "./run-step";
import { workerUtils } from "./schedule";
import { startIncident } from "./start-incident";
import { startIncidentWorker } from "./worker";

const sent = recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

let counter = 0;
const phone = (prefix: string) => `+52${prefix}${String(Date.now() % 1e5).padStart(5, "0")}${String(counter++ % 1000).padStart(3, "0")}`;

async function familyWithTree() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Vega" });
  const scope = { familyId: family.id, userId: ownerId };
  await db.membership.update({ where: { familyId_userId: { familyId: family.id, userId: ownerId } }, data: { phone: phone("33") } });
  const ana = await db.person.create({ data: { familyId: family.id, name: "Ana Vega", phone: phone("55"), locale: "es" } });
  const contact = (name: string, tier: number, channel: "sms" | "voice" = "sms") =>
    db.contact
      .create({ data: { familyId: family.id, name, phone: phone("81"), locale: "es", relationship: "friend", channel } })
      .then((created) => db.personContact.create({ data: { personId: ana.id, contactId: created.id, tier } }).then(() => created));
  const [school, coach] = [await contact("Escuela", 1, "voice"), await contact("Coach", 1)];
  const aunt = await contact("Tía", 2);
  await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
  return { family, ownerId, scope, ana, school, coach, aunt };
}

const reply = (from: string, body: string) => handleTwilioWebhook(signedWebhook("/api/twilio/sms", inboundSms(from, body)));
const eventTypes = async (incidentId: string) => (await db.incidentEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((event) => event.type);

describe("startIncident", () => {
  it("texts the claimed person first and schedules every step in PostgreSQL", async () => {
    const { scope, ana } = await familyWithTree();
    sent.length = 0;
    const incident = await startIncident({ ...scope, personId: ana.id });
    expect(sent).toEqual([{ to: ana.phone, body: "Hola, soy de tu familia. Cuando puedas, responde con la palabra de la familia." }]);
    const jobs = await (await workerUtils()).withPgClient((client) => client.query("SELECT key FROM graphile_worker.jobs WHERE key LIKE $1 ORDER BY run_at", [`incident:${incident.id}:%`]));
    expect(jobs.rows.map((row) => row.key.split(":").at(-1))).toEqual(["call", "tier1", "tier2", "tier3"]);
    expect(await eventTypes(incident.id)).toEqual(["started", "ping_sent"]);
  });

  it("marks every message of a drill", async () => {
    const { scope, ana } = await familyWithTree();
    sent.length = 0;
    await startIncident({ ...scope, personId: ana.id, drill: true });
    expect(sent[0]!.body).toMatch(/^SIMULACRO: /);
  });

  it("refuses another family's person and incident", async () => {
    const { scope, ana, family } = await familyWithTree();
    const other = await createTestFamily();
    await expect(startIncident({ familyId: other.family.id, userId: other.ownerId, personId: ana.id })).rejects.toMatchObject({ code: "not_found" });
    const incident = await startIncident({ ...scope, personId: ana.id });
    await expect(getIncident({ familyId: other.family.id, userId: other.ownerId, incidentId: incident.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getIncident({ familyId: family.id, userId: other.ownerId, incidentId: incident.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(closeIncidentByAdult({ familyId: other.family.id, userId: other.ownerId, incidentId: incident.id, outcome: "false_alarm" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("escalation", () => {
  it("asks a tier's contacts by their channel, once, however often the step fires", async () => {
    const { scope, ana, school, coach } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    sent.length = 0;
    await Promise.all([runIncidentStep({ incidentId: incident.id, step: "tier1" }), runIncidentStep({ incidentId: incident.id, step: "tier1", manual: true })]);
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    expect(sent.map((message) => message.to).sort()).toEqual([coach.phone, school.phone].sort());
    expect(sent.find((message) => message.to === coach.phone)!.body).toBe("Consulta de su familia: ¿puedes ver a Ana ahora? Responde SI si esta contigo y bien, NO si no.");
    expect(sent.find((message) => message.to === school.phone)!.body).toBe("call");
  });

  it("fires the next step once after a restart of the worker", async () => {
    const { scope, ana, aunt } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    const first = await startIncidentWorker({ pollInterval: 100 });
    await first.stop(); // the app goes down before the timer is due
    const utils = await workerUtils();
    await utils.withPgClient((client) => client.query("UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1", [`incident:${incident.id}:tier2`]));
    sent.length = 0;
    const second = await startIncidentWorker({ pollInterval: 100 });
    try {
      await expect.poll(async () => db.checkIn.count({ where: { incidentId: incident.id, wave: 3 } }), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => sent.filter((message) => message.to === aunt.phone).length, { timeout: 5_000 }).toBe(1);
    } finally {
      await second.stop();
    }
    await runIncidentStep({ incidentId: incident.id, step: "tier2" });
    expect(await db.checkIn.count({ where: { incidentId: incident.id, wave: 3 } })).toBe(1);
  });

  it("stops when paused, and a wave can be sent by hand", async () => {
    const { scope, ana, coach } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    await pauseIncident({ ...scope, incidentId: incident.id });
    expect(await runIncidentStep({ incidentId: incident.id, step: "call" })).toEqual([]);
    sent.length = 0;
    await sendNextWaveNow({ ...scope, incidentId: incident.id }); // the call to Ana
    await sendNextWaveNow({ ...scope, incidentId: incident.id }); // tier 1
    expect(sent.map((message) => message.to)).toContain(coach.phone);
  });
});

describe("a failed text to the person", () => {
  it("is followed by the call at once", async () => {
    const { scope, ana } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    const ping = await db.checkIn.findFirstOrThrow({ where: { incidentId: incident.id, wave: 0 }, include: { message: true } });
    sent.length = 0;
    await handleTwilioWebhook(signedWebhook(`/api/twilio/status?m=${ping.messageId}`, { MessageSid: ping.message!.providerSid!, MessageStatus: "undelivered", ErrorCode: "30003" }));
    expect(sent).toEqual([{ to: ana.phone, body: "call" }]);
    expect(await db.checkIn.count({ where: { incidentId: incident.id, wave: 1 } })).toBe(1);
  });

  it("that the provider refuses is followed by the call too", async () => {
    const { scope, ana } = await familyWithTree();
    await db.smsOptOut.create({ data: { phone: ana.phone } });
    sent.length = 0;
    const incident = await startIncident({ ...scope, personId: ana.id });
    expect(sent).toEqual([{ to: ana.phone, body: "call" }]);
    expect(await db.checkIn.count({ where: { incidentId: incident.id, wave: 1 } })).toBe(1);
  });
});

describe("answers", () => {
  it("the safe word from the person confirms, closes, and sends the all-clear", async () => {
    const { scope, ana, coach, family, ownerId } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    sent.length = 0;
    await reply(ana.phone, "Mazapán");
    const closed = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(closed).toMatchObject({ status: "closed", outcome: "confirmed_safe" });
    const adult = await db.membership.findUniqueOrThrow({ where: { familyId_userId: { familyId: family.id, userId: ownerId } } });
    expect(sent.map((message) => message.to).sort()).toEqual(expect.arrayContaining([coach.phone, adult.phone, ana.phone]));
    expect(sent.find((message) => message.to === ana.phone)!.body).toMatch(/fue un engaño/);
    expect(sent.find((message) => message.to === coach.phone)!.body).toMatch(/Ana esta bien/);
    const events = await db.incidentEvent.findMany({ where: { incidentId: incident.id } });
    expect(JSON.stringify(events.map((event) => event.data)).toLowerCase()).not.toContain("mazap");
    expect((await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } })).safeWordExposedAt).toBeInstanceOf(Date);
    const jobs = await (await workerUtils()).withPgClient((client) => client.query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE $1", [`incident:${incident.id}:%`]));
    expect(jobs.rows[0].n).toBe(0);
  });

  it("the duress word means danger, says nothing different to the sender, and keeps the incident open", async () => {
    const { scope, ana } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    sent.length = 0;
    await reply(ana.phone, "girasol");
    expect(sent).toEqual([]);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open" });
    const last = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id, type: "reply" } });
    expect(last.data).toMatchObject({ verdict: "danger", text: null });
  });

  it("limits wrong words: after the limit, even the right word is not accepted", async () => {
    const { scope, ana } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    for (let i = 0; i < MAX_WRONG_WORDS; i++) await reply(ana.phone, `intento${i}`);
    await reply(ana.phone, "mazapan");
    // The right word arriving after the limit counts as one more wrong attempt.
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open", wrongWordAttempts: MAX_WRONG_WORDS + 1 });
  });

  it("YES from a contact is seen safe, NO is noted, late replies are kept", async () => {
    const { scope, ana, coach, aunt } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    await runIncidentStep({ incidentId: incident.id, step: "tier2" });
    await reply(coach.phone, "Sí");
    await reply(aunt.phone, "no");
    await closeIncidentByAdult({ ...scope, incidentId: incident.id, outcome: "false_alarm" });
    await reply(coach.phone, "ya la vi, esta conmigo");
    const replies = (await db.incidentEvent.findMany({ where: { incidentId: incident.id, type: { in: ["reply", "late_reply"] } }, orderBy: { id: "asc" } })).map((event) => [event.type, (event.data as { verdict: string }).verdict]);
    expect(replies).toEqual([["reply", "seen_safe"], ["reply", "not_seen"], ["late_reply", "text"]]);
  });

  it("a reply delivered twice counts once", async () => {
    const { scope, ana } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    const params = inboundSms(ana.phone, "ya voy");
    await handleTwilioWebhook(signedWebhook("/api/twilio/sms", params));
    await handleTwilioWebhook(signedWebhook("/api/twilio/sms", params));
    expect(await db.incidentEvent.count({ where: { incidentId: incident.id, type: "reply" } })).toBe(1);
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).wrongWordAttempts).toBe(1);
  });

  it("when the caller did not say who, the all-clear names whoever confirmed", async () => {
    const { scope, ana, coach } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: null });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    sent.length = 0;
    await reply(ana.phone, "mazapan");
    expect(sent.find((message) => message.to === coach.phone)!.body).toBe("Familia Vega: todo en orden, Ana esta bien. Gracias por tu ayuda.");
  });

  it("of two adults closing at once, one wins", async () => {
    const { scope, ana, family } = await familyWithTree();
    const admin = await addTestMember(family.id, "admin");
    const incident = await startIncident({ ...scope, personId: ana.id });
    const results = await Promise.allSettled([
      closeIncidentByAdult({ ...scope, incidentId: incident.id, outcome: "false_alarm" }),
      closeIncidentByAdult({ familyId: family.id, userId: admin.id, incidentId: incident.id, outcome: "no_answer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await db.incidentEvent.count({ where: { incidentId: incident.id, type: "closed" } })).toBe(1);
  });

  it("checks what the caller said without recording the word, and limits the checks", async () => {
    const { scope, ana } = await familyWithTree();
    const incident = await startIncident({ ...scope, personId: ana.id });
    expect(await checkCallerWord({ ...scope, incidentId: incident.id, word: "otra" })).toBe("none");
    expect(await checkCallerWord({ ...scope, incidentId: incident.id, word: "GIRASOL" })).toBe("duress");
    for (let i = 0; i < 3; i++) await checkCallerWord({ ...scope, incidentId: incident.id, word: "x" });
    await expect(checkCallerWord({ ...scope, incidentId: incident.id, word: "mazapan" })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
