// The verdict core as an attacker and a coerced person try it: a family of the attacker's own
// making as a guessing oracle, a drill left in danger, racing taps, a text to a live question
// landing on another family's old one, a second tap after a word, a closing that forgets someone.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { createTestPlan } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { replyFrom, setUpIncidentTests } from "@/tests/integration/incident-harness";
import { REDACTED } from "@/lib/server/replies/receive-reply";
import { closeIncidentByAdult } from "./close-incident";
import { sendNextWaveNow } from "./manage-incident";
import { startIncident } from "./start-incident";

const sent = setUpIncidentTests();

const reply = replyFrom;

describe("a family of the attacker's own making", () => {
  it("learns nothing of another family's words from what a protected number sends it", async () => {
    const victims = await createTestPlan({ name: "Familia Vega" });
    const ana = victims.people[0]!;
    const attacker = await createTestPlan({
      name: "Familia Falsa",
      people: [{ name: "Alguien" }],
      contacts: [{ name: "Ana", tier: 1, phone: ana.phone }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const seen: (string | null)[] = [];
    for (const guess of ["chabacano", "mazapan", "girasol", "ya voy"]) {
      const [checkIn] = await sendTestCheckIns({ ...attacker.scope, target: { kind: "contact", id: attacker.contacts[0]!.id } });
      await reply(ana.phone, guess);
      seen.push((await db.checkIn.findUniqueOrThrow({ where: { id: checkIn!.id } })).reply);
    }
    // A right guess and a wrong one look alike to the attacker's family.
    expect(new Set(seen)).toEqual(new Set([REDACTED]));
  });

  it("still counts a YES from a number another family protects", async () => {
    const victims = await createTestPlan({ name: "Familia Vega" });
    const ana = victims.people[0]!;
    const neighbours = await createTestPlan({
      name: "Familia Ruiz",
      people: [{ name: "Beto" }],
      contacts: [{ name: "Ana (vecina)", tier: 1, phone: ana.phone }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const { incident } = await startIncident({ ...neighbours.scope, personId: neighbours.people[0]!.id });
    await sendNextWaveNow({ ...neighbours.scope, incidentId: incident.id }); // the call
    await sendNextWaveNow({ ...neighbours.scope, incidentId: incident.id }); // tier 1: Ana
    await reply(ana.phone, "SI");
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({ state: "probably_safe" });
  });
});

describe("a family of the attacker's own making, with a live incident", () => {
  async function twoLiveFamilies() {
    const victims = await createTestPlan({ name: "Familia Vega" });
    const ana = victims.people[0]!;
    const attacker = await createTestPlan({
      name: "Familia Falsa",
      people: [{ name: "Alguien" }],
      contacts: [{ name: "Ana", tier: 1, phone: ana.phone }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const real = await startIncident({ ...victims.scope, personId: ana.id });
    const fake = await startIncident({ ...attacker.scope, personId: attacker.people[0]!.id });
    await sendNextWaveNow({ ...attacker.scope, incidentId: fake.incident.id }); // the call
    await sendNextWaveNow({ ...attacker.scope, incidentId: fake.incident.id }); // tier 1: Ana
    return { victims, attacker, ana, real: real.incident.id, fake: fake.incident.id };
  }
  const replies = (incidentId: string) => db.incidentEvent.count({ where: { incidentId, type: { in: ["reply", "late_reply"] } } });

  it("gets an answer whether or not a sentence held the other family's word", async () => {
    const { ana, fake } = await twoLiveFamilies();
    await reply(ana.phone, "te traigo chabacano y pera hoy");
    expect(await replies(fake)).toBe(1);
    await reply(ana.phone, "te traigo mazapan y pera hoy");
    expect(await replies(fake)).toBe(2);
    const seen = await db.checkIn.findMany({ where: { incidentId: fake, phone: ana.phone }, select: { reply: true } });
    expect(seen.map((row) => row.reply)).toEqual([REDACTED]);
  });

  it("does not swallow a late duress word meant for a family whose verification ended", async () => {
    const { victims, ana, real } = await twoLiveFamilies();
    await closeIncidentByAdult({ ...victims.scope, incidentId: real, outcome: "false_alarm" });
    await reply(ana.phone, "girasol");
    const types = (await db.incidentEvent.findMany({ where: { incidentId: real }, select: { type: true } })).map((event) => event.type);
    expect(types).toContain("late_reply");
    expect(types).toContain("danger_alert_sent");
  });
});

describe("drills", () => {
  it("a drill left in danger does not block a real verification", async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    const drill = await startIncident({ ...plan.scope, personId: ana.id, drill: true });
    await reply(ana.phone, "girasol");
    const real = await startIncident({ ...plan.scope, personId: ana.id });
    expect(real.alreadyOpen).toBe(false);
    expect(await db.incident.findUniqueOrThrow({ where: { id: drill.incident.id } })).toMatchObject({
      status: "closed",
      outcome: "danger",
    });
    expect((await db.incident.findUniqueOrThrow({ where: { id: real.incident.id } })).drill).toBe(false);
  });
});

describe("drills racing", () => {
  it("a real tap racing a drill tap ends up real, never inside the drill", async () => {
    for (let round = 0; round < 4; round++) {
      const plan = await createTestPlan();
      const ana = plan.people[0]!;
      const [, real] = await Promise.all([
        startIncident({ ...plan.scope, personId: ana.id, drill: true }),
        startIncident({ ...plan.scope, personId: ana.id }),
      ]);
      expect((await db.incident.findUniqueOrThrow({ where: { id: real.incident.id } })).drill).toBe(false);
      expect(await db.incident.count({ where: { familyId: plan.family.id, status: "open", drill: true } })).toBe(0);
    }
  });
});

describe("taps", () => {
  it("a tap for everyone racing a tap for one person leaves nobody unverified", async () => {
    for (let round = 0; round < 6; round++) {
      const plan = await createTestPlan({ people: [{ name: "Ana" }, { name: "Luis" }, { name: "Sofía" }] });
      await Promise.all([startIncident({ ...plan.scope, personId: plan.people[1]!.id }), startIncident({ ...plan.scope, personId: null })]);
      const held = await db.incidentPerson.findMany({ where: { familyId: plan.family.id, openPersonId: { not: null } } });
      expect(held.map((entry) => entry.personId).sort()).toEqual(plan.people.map((person) => person.id).sort());
    }
  });

  it("after either word, a second tap opens that verification and the phone gets no new question", async () => {
    for (const word of ["mazapan", "girasol"]) {
      const plan = await createTestPlan();
      const ana = plan.people[0]!;
      const first = await startIncident({ ...plan.scope, personId: ana.id });
      await reply(ana.phone, word);
      await drainJobs();
      const before = sent.filter((message) => message.to === ana.phone).length;
      const second = await startIncident({ ...plan.scope, personId: ana.id });
      await drainJobs();
      expect(second).toMatchObject({ incident: { id: first.incident.id }, alreadyOpen: true });
      expect(sent.filter((message) => message.to === ana.phone).length).toBe(before);
    }
  });
});

describe("routing", () => {
  it("a text to a live question never lands on another family's ended incident", async () => {
    const a = await createTestPlan({ name: "Familia Vega" });
    const ana = a.people[0]!;
    const b = await createTestPlan({
      name: "Familia Ruiz",
      people: [{ name: "Ana (prima)", phone: ana.phone }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const old = await startIncident({ ...b.scope, personId: b.people[0]!.id });
    await closeIncidentByAdult({ ...b.scope, incidentId: old.incident.id, outcome: "false_alarm" });
    const live = await startIncident({ ...a.scope, personId: ana.id });
    await reply(ana.phone, "estoy en la escuela con mis amigas");
    expect(await db.incidentEvent.count({ where: { incidentId: old.incident.id, type: { in: ["reply", "late_reply"] } } })).toBe(0);
    expect(await db.incidentEvent.count({ where: { incidentId: live.incident.id, type: "reply" } })).toBe(1);
  });
});

describe("closing", () => {
  it("tells a claimed person who never answered, and nobody who answered anything", async () => {
    const plan = await createTestPlan({ people: [{ name: "Ana" }, { name: "Luis" }] });
    const [ana, luis] = plan.people;
    const { incident } = await startIncident({ ...plan.scope, personId: null });
    await reply(ana!.phone, "estoy bien, en el trabajo");
    await drainJobs();
    sent.length = 0;
    await closeIncidentByAdult({ ...plan.scope, incidentId: incident.id, outcome: "false_alarm" });
    await drainJobs();
    expect(sent.filter((message) => message.to === ana!.phone)).toEqual([]);
    expect(sent.filter((message) => message.to === luis!.phone)).toHaveLength(1);
  });
});
