import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { addTestMember, createTestFamily, createTestPlan } from "@/tests/integration/factories";
import { drainJobs, makeStepDue, pendingSteps } from "@/tests/integration/jobs";
import { REDACTED } from "@/lib/server/replies/receive-reply";
import { replyFrom, setUpIncidentTests } from "@/tests/integration/incident-harness";
import { signedWebhook } from "@/tests/integration/webhook-request";
import { closeIncidentByAdult } from "./close-incident";
import { checkCallerWord, getIncident, pauseIncident, sendNextWaveNow, setChecklistStep } from "./manage-incident";
import { runIncidentStep } from "./run-step";
import { startIncident } from "./start-incident";
import { wordGuessBudget } from "./verification";

const sent = setUpIncidentTests();

const reply = replyFrom;
const eventTypes = async (incidentId: string) =>
  (await db.incidentEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((event) => event.type);
const states = async (incidentId: string) =>
  (await db.incidentPerson.findMany({ where: { incidentId }, include: { person: true }, orderBy: { person: { position: "asc" } } })).map(
    (entry) => entry.state,
  );
const incidentRow = (incidentId: string) => db.incident.findUniqueOrThrow({ where: { id: incidentId } });
const to = (phone: string) => sent.filter((message) => message.to === phone).map((message) => message.body);

async function startFor(plan: Awaited<ReturnType<typeof createTestPlan>>, personIndex: number | null = 0, drill = false) {
  const started = await startIncident({ ...plan.scope, personId: personIndex === null ? null : plan.people[personIndex]!.id, drill });
  return started.incident.id;
}

const tree = {
  contacts: [
    { name: "Escuela", tier: 1, channel: "voice" as const },
    { name: "Coach", tier: 1 },
    { name: "Tía", tier: 2, locale: "en" as const },
  ],
};

describe("starting", () => {
  it("commits the incident, its first text and every timer together, and the outbox sends the text", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan);
    expect(sent).toEqual([]); // the tap does not wait on the provider
    expect(await pendingSteps(incidentId)).toEqual(["call", "tier1", "tier2", "tier3"]);
    await drainJobs();
    expect(sent).toEqual([
      { to: plan.people[0]!.phone, body: "Hola, soy de tu familia. Cuando puedas, responde con la palabra de la familia." },
    ]);
    expect(await eventTypes(incidentId)).toEqual(["started", "ping_sent"]);
  });

  it("opens the existing incident for a person already being verified, however many taps at once", async () => {
    const plan = await createTestPlan();
    const second = await addTestMember(plan.family.id, "admin");
    const taps = await Promise.all([
      startIncident({ ...plan.scope, personId: plan.people[0]!.id }),
      startIncident({ ...plan.scope, personId: plan.people[0]!.id }),
      startIncident({ familyId: plan.family.id, userId: second.id, personId: plan.people[0]!.id }),
      startIncident({ ...plan.scope, personId: null }),
    ]);
    expect(new Set(taps.map((tap) => tap.incident.id)).size).toBe(1);
    expect(taps.filter((tap) => !tap.alreadyOpen)).toHaveLength(1);
    expect(await db.incident.count({ where: { familyId: plan.family.id } })).toBe(1);
  });

  it("marks every message and call of a drill", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan, 0, true);
    await runIncidentStep({ incidentId, step: "call" });
    await runIncidentStep({ incidentId, step: "tier1" });
    await drainJobs();
    const bodies = await db.outboundMessage.findMany({ where: { familyId: plan.family.id }, select: { body: true, channel: true } });
    expect(bodies.length).toBe(4);
    for (const { body, channel } of bodies) expect(body).toMatch(channel === "voice" ? /^Esto es un simulacro\. / : /^SIMULACRO: /);
  });

  it("refuses another family's person and incident", async () => {
    const plan = await createTestPlan();
    const other = await createTestFamily();
    await expect(startIncident({ familyId: other.family.id, userId: other.ownerId, personId: plan.people[0]!.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const incidentId = await startFor(plan);
    await expect(getIncident({ familyId: other.family.id, userId: other.ownerId, incidentId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      closeIncidentByAdult({ familyId: other.family.id, userId: other.ownerId, incidentId, outcome: "false_alarm" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("escalation", () => {
  it("asks a tier's contacts by their channel, once, however often the step fires", async () => {
    const plan = await createTestPlan(tree);
    const [school, coach] = plan.contacts;
    const incidentId = await startFor(plan);
    await Promise.all([runIncidentStep({ incidentId, step: "tier1" }), runIncidentStep({ incidentId, step: "tier1", manual: true })]);
    await runIncidentStep({ incidentId, step: "tier1" });
    await drainJobs();
    expect(to(coach!.phone)).toEqual(["Consulta de su familia: ¿puedes ver a Ana ahora? Responde SI si esta contigo y bien, NO si no."]);
    expect(to(school!.phone)).toEqual(["call"]);
  });

  it("fires a timer that came due while no worker ran, once", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan);
    await makeStepDue(incidentId, "tier2");
    await drainJobs();
    await drainJobs();
    expect(await db.checkIn.count({ where: { incidentId, wave: 3 } })).toBe(1);
    expect(to(plan.contacts[2]!.phone)).toHaveLength(1);
  });

  it("sends waves by hand past empty tiers, and stops when paused", async () => {
    const plan = await createTestPlan({ contacts: [{ name: "Tía", tier: 3 }] });
    const incidentId = await startFor(plan);
    await pauseIncident({ ...plan.scope, incidentId });
    expect(await runIncidentStep({ incidentId, step: "call" })).toBeNull();
    await sendNextWaveNow({ ...plan.scope, incidentId }); // the call to Ana
    await sendNextWaveNow({ ...plan.scope, incidentId }); // tiers 1 and 2 are empty: tier 3
    await drainJobs();
    expect(to(plan.contacts[0]!.phone)).toHaveLength(1);
    await expect(sendNextWaveNow({ ...plan.scope, incidentId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("follows a failed text to the person with the call at once", async () => {
    const plan = await createTestPlan();
    const incidentId = await startFor(plan);
    await drainJobs();
    const ping = await db.checkIn.findFirstOrThrow({ where: { incidentId, wave: 0 }, include: { message: true } });
    sent.length = 0;
    await handleTwilioWebhook(
      signedWebhook(`/api/twilio/status?m=${ping.messageId}`, {
        MessageSid: ping.message!.providerSid!,
        MessageStatus: "undelivered",
        ErrorCode: "30003",
      }),
    );
    await drainJobs();
    expect(sent).toEqual([{ to: plan.people[0]!.phone, body: "call" }]);
  });

  it("calls at once a person whose number opted out of texts", async () => {
    const plan = await createTestPlan();
    await db.smsOptOut.create({ data: { phone: plan.people[0]!.phone } });
    await startFor(plan);
    await drainJobs();
    expect(sent).toEqual([{ to: plan.people[0]!.phone, body: "call" }]);
  });
});

describe("the person's answer", () => {
  it("recognises the safe word in any case, with punctuation or inside a short reply, and stores it nowhere in clear", async () => {
    for (const text of ["Mazapán.", "mazapan!", "MAZAPAN, estoy bien 🙂"]) {
      const plan = await createTestPlan(tree);
      const incidentId = await startFor(plan);
      await reply(plan.people[0]!.phone, text);
      expect(await incidentRow(incidentId)).toMatchObject({ status: "closed", outcome: "confirmed_safe" });
      const stored = JSON.stringify([
        await db.inboundWebhook.findMany({ where: { fromNumber: plan.people[0]!.phone } }),
        await db.checkIn.findMany({ where: { incidentId } }),
        await db.incidentEvent.findMany({ where: { incidentId }, select: { type: true, data: true } }),
      ]).toLowerCase();
      expect(stored).not.toContain("mazap");
    }
  });

  it("holds duress for good: a later safe word, an adult or the machine cannot close it as safe; adults are alerted", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan);
    await runIncidentStep({ incidentId, step: "tier1" });
    await drainJobs();
    sent.length = 0;
    await reply(plan.people[0]!.phone, "girasol");
    await reply(plan.people[0]!.phone, "mazapan");
    await reply(plan.contacts[1]!.phone, "si");
    await drainJobs();
    expect(await states(incidentId)).toEqual(["in_danger"]);
    expect(await incidentRow(incidentId)).toMatchObject({ status: "open" });
    await expect(closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "confirmed_safe" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "incident.inDanger",
    });
    await expect(closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "false_alarm" })).rejects.toMatchObject({ code: "conflict" });
    expect(to(plan.ownerPhone)).toEqual(["Confirma: alerta urgente sobre Ana. Abre Confirma ahora. No digas nada de esto a quien llama."]);
    expect(sent.some((message) => /todo en orden/.test(message.body))).toBe(false);
    await closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "danger" });
    await drainJobs();
    expect(sent.some((message) => /todo en orden/.test(message.body))).toBe(false);
  });

  it("gives the person's phone the same thing after the duress word as after the safe word, in a sentence or on its own, until the end", async () => {
    const inSentence = async (word: string, outcome: "no_answer" | "danger") => {
      const plan = await createTestPlan(tree);
      const incidentId = await startFor(plan);
      await drainJobs();
      sent.length = 0;
      await reply(plan.people[0]!.phone, `${word} ya dejenme en paz que estoy ocupado trabajando`);
      await closeIncidentByAdult({ ...plan.scope, incidentId, outcome });
      await drainJobs();
      return to(plan.people[0]!.phone);
    };
    expect(await inSentence("girasol", "danger")).toEqual(await inSentence("mazapan", "no_answer"));
  });

  it("gives the person's phone the same thing after the duress word as after the safe word", async () => {
    const transcript = async (word: string) => {
      const plan = await createTestPlan(tree);
      const incidentId = await startFor(plan);
      await drainJobs();
      sent.length = 0;
      await reply(plan.people[0]!.phone, word);
      await drainJobs();
      for (const step of ["call", "tier1", "tier2", "tier3"] as const) await runIncidentStep({ incidentId, step });
      await drainJobs();
      return to(plan.people[0]!.phone);
    };
    const afterSafe = await transcript("mazapan");
    const afterDuress = await transcript("girasol");
    expect(afterSafe).toEqual(["Si alguien te pidio apagar el telefono o quedarte en algun lugar, fue un engaño. Llama a casa."]);
    expect(afterDuress).toEqual(afterSafe);
  });

  it("takes the duress word over a keyword it may share, for words set before the setup refused them", async () => {
    const plan = await createTestPlan({ words: null });
    const { hashSecretWord } = await import("@/lib/server/secret-words/secret-words");
    await db.secretWords.create({
      data: {
        familyId: plan.family.id,
        safeWordHash: await hashSecretWord("cancelar"),
        duressWordHash: await hashSecretWord("ayuda"),
        safeWordChangedAt: new Date(),
        duressWordChangedAt: new Date(),
      },
    });
    const incidentId = await startFor(plan);
    await reply(plan.people[0]!.phone, "¡Ayuda!");
    await drainJobs();
    expect(await states(incidentId)).toEqual(["in_danger"]);
    expect(await db.smsOptOut.count({ where: { phone: plan.people[0]!.phone } })).toBe(0);
    expect(sent.filter((message) => /ALTO/.test(message.body))).toEqual([]);
  });

  it("spends a guess per attempt at a word, never for sentences, per person across incidents, atomically", async () => {
    const plan = await createTestPlan();
    const person = plan.people[0]!;
    const first = await startFor(plan);
    for (const sentence of ["ya voy", "estoy bien, ya voy", "¿quién es?"]) await reply(person.phone, sentence);
    expect(await db.wordAttempt.count({ where: { personId: person.id } })).toBe(0);
    // Nine wrong guesses and the right word, all at once.
    await Promise.all([...Array.from({ length: 9 }, (_, index) => reply(person.phone, `intento${index}`)), reply(person.phone, "mazapan")]);
    expect(await db.wordAttempt.count({ where: { personId: person.id } })).toBe(wordGuessBudget.limit);
    const verdicts = (await db.incidentEvent.findMany({ where: { incidentId: first, type: "reply" } })).map(
      (event) => (event.data as { verdict: string }).verdict,
    );
    expect(verdicts.filter((verdict) => verdict === "locked")).toHaveLength(10 - wordGuessBudget.limit);
    if ((await incidentRow(first)).status === "open") {
      await closeIncidentByAdult({ ...plan.scope, incidentId: first, outcome: "false_alarm" });
    }
    const second = await startFor(plan);
    await reply(person.phone, "mazapan");
    expect(await incidentRow(second)).toMatchObject({ status: "open" });
    const view = await getIncident({ ...plan.scope, incidentId: second });
    expect(view.people[0]).toMatchObject({ state: "waiting", guessesLeft: 0 });
  });
});

describe("several people", () => {
  it("closes as safe only when every claimed person gave the safe word", async () => {
    const plan = await createTestPlan({ people: [{ name: "Ana Vega" }, { name: "Luis Vega" }] });
    const incidentId = await startFor(plan, null);
    await reply(plan.people[0]!.phone, "mazapan");
    expect(await states(incidentId)).toEqual(["confirmed_safe", "waiting"]);
    expect(await incidentRow(incidentId)).toMatchObject({ status: "open" });
    await runIncidentStep({ incidentId, step: "call" });
    expect(await db.checkIn.findMany({ where: { incidentId, wave: 1 }, select: { phone: true } })).toEqual([
      { phone: plan.people[1]!.phone },
    ]);
    await reply(plan.people[1]!.phone, "Mazapan");
    expect(await incidentRow(incidentId)).toMatchObject({ status: "closed", outcome: "confirmed_safe" });
  });
});

describe("families that share a number", () => {
  it("give a word's reply to its own family only, and a contact's YES to each family that asked", async () => {
    const shared = (await createTestPlan()).people[0]!.phone; // an unrelated family's person
    const a = await createTestPlan({
      people: [{ name: "Ana Vega", phone: shared }],
      words: { safeWord: "mazapan", duressWord: "girasol" },
    });
    const b = await createTestPlan({
      name: "Familia Ruiz",
      people: [{ name: "Beto Ruiz" }],
      contacts: [{ name: "Ana", tier: 1, phone: shared }],
      words: { safeWord: "tamarindo", duressWord: "papalote" },
    });
    const incidentA = await startFor(a);
    const incidentB = await startFor(b);
    await runIncidentStep({ incidentId: incidentB, step: "tier1" });
    await reply(shared, "mazapan");
    expect(await incidentRow(incidentA)).toMatchObject({ status: "closed", outcome: "confirmed_safe" });
    // Family B asked the same number, which family A protects: it hears that an answer came, as it
    // would for any text from that number, and nothing of what it said.
    const bReplies = await db.checkIn.findMany({ where: { familyId: b.family.id, repliedAt: { not: null } }, select: { reply: true } });
    expect(bReplies).toEqual([{ reply: REDACTED }]);
    expect(await states(incidentB)).toEqual(["waiting"]);

    // A contact of two families answers both.
    const contactPhone = b.contacts[0]!.phone;
    const c = await createTestPlan({
      name: "Familia Soto",
      people: [{ name: "Caro Soto" }],
      contacts: [{ name: "Ana", tier: 1, phone: contactPhone }],
      words: { safeWord: "ciruela", duressWord: "colibri" },
    });
    const incidentC = await startFor(c);
    await runIncidentStep({ incidentId: incidentC, step: "tier1" });
    await reply(contactPhone, "SI");
    for (const incidentId of [incidentB, incidentC]) expect(await states(incidentId)).toEqual(["probably_safe"]);
  });
});

describe("closing", () => {
  it("tells everyone asked that it is no longer needed, in their language and by a channel that reaches them", async () => {
    const plan = await createTestPlan(tree);
    const [school, coach, aunt] = plan.contacts;
    const incidentId = await startFor(plan);
    await runIncidentStep({ incidentId, step: "tier1" });
    await runIncidentStep({ incidentId, step: "tier2" });
    await drainJobs();
    sent.length = 0;
    await closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "false_alarm" });
    await drainJobs();
    expect(to(coach!.phone)).toEqual(["Familia Vega: la consulta anterior ya no es necesaria. Gracias."]);
    expect(to(aunt!.phone)).toEqual(["Familia Vega: the earlier request is no longer needed. Thank you."]);
    expect(to(school!.phone)).toEqual(["call"]);
    // The claimed person was asked and never answered: told too. (One who answered anything hears
    // nothing from a closing, which must not tell a word apart from the duress word.)
    expect(to(plan.people[0]!.phone)).toEqual(["Familia Vega: la consulta anterior ya no es necesaria. Gracias."]);
    expect(await pendingSteps(incidentId)).toEqual([]);
  });

  it("sends the all-clear to contacts and adults when confirmed, and the person gets only the word's reply", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan, null);
    await runIncidentStep({ incidentId, step: "tier1" });
    await drainJobs();
    sent.length = 0;
    await reply(plan.people[0]!.phone, "mazapan");
    await drainJobs();
    expect(to(plan.contacts[1]!.phone)).toEqual(["Familia Vega: todo en orden, Ana esta bien. Gracias por tu ayuda."]);
    expect(to(plan.ownerPhone)).toHaveLength(1);
    expect(to(plan.people[0]!.phone)).toEqual([
      "Si alguien te pidio apagar el telefono o quedarte en algun lugar, fue un engaño. Llama a casa.",
    ]);
    expect((await db.secretWords.findUniqueOrThrow({ where: { familyId: plan.family.id } })).safeWordExposedAt).toBeInstanceOf(Date);
  });

  it("of two adults closing at once, one wins", async () => {
    const plan = await createTestPlan();
    const admin = await addTestMember(plan.family.id, "admin");
    const incidentId = await startFor(plan);
    const results = await Promise.allSettled([
      closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "false_alarm" }),
      closeIncidentByAdult({ familyId: plan.family.id, userId: admin.id, incidentId, outcome: "no_answer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.incidentEvent.count({ where: { incidentId, type: "closed" } })).toBe(1);
  });
});

describe("the timeline", () => {
  it("shows a STOP and a START from someone asked, and keeps late answers", async () => {
    const plan = await createTestPlan(tree);
    const incidentId = await startFor(plan);
    await runIncidentStep({ incidentId, step: "tier1" });
    await reply(plan.contacts[1]!.phone, "ALTO");
    await reply(plan.contacts[1]!.phone, "inicio");
    await reply(plan.contacts[1]!.phone, "no");
    await closeIncidentByAdult({ ...plan.scope, incidentId, outcome: "false_alarm" });
    await reply(plan.contacts[1]!.phone, "ya la vi, esta conmigo");
    const types = await eventTypes(incidentId);
    expect(types).toEqual(expect.arrayContaining(["opted_out", "opted_in", "reply", "late_reply"]));
  });

  it("ticks only the guidance's own checklist steps", async () => {
    const plan = await createTestPlan();
    const incidentId = await startFor(plan);
    await setChecklistStep({ ...plan.scope, incidentId, step: "hangUp", checked: true });
    await expect(setChecklistStep({ ...plan.scope, incidentId, step: "x".repeat(40), checked: true })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect((await incidentRow(incidentId)).checkedSteps).toEqual(["hangUp"]);
  });

  it("checks what the caller said without recording the word, and limits the checks", async () => {
    const plan = await createTestPlan();
    const incidentId = await startFor(plan);
    expect(await checkCallerWord({ ...plan.scope, incidentId, word: "otra" })).toBe("none");
    expect(await checkCallerWord({ ...plan.scope, incidentId, word: "GIRASOL" })).toBe("duress");
    for (let i = 0; i < 3; i++) await checkCallerWord({ ...plan.scope, incidentId, word: "x" });
    await expect(checkCallerWord({ ...plan.scope, incidentId, word: "mazapan" })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
