// A model-based test of the verdict core (fast-check commands): random sequences of starts,
// double starts, replies (words, words of the other family, wrong words, sentences, YES/NO,
// keywords, duplicated deliveries), waves and closes, from two families that share numbers,
// against a small model. After every step the database must agree with the model, and:
// no reply crosses families; no secret word is stored in clear; duress is never followed by
// an all-clear; an incident is closed safe exactly when every claimed person gave the safe word;
// a person is in at most one open incident; a person who answered with a word is asked nothing more.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { REDACTED } from "@/lib/server/replies/receive-reply";
import { createTestPlan } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { inboundSms, messageSid, signedWebhook } from "@/tests/integration/webhook-request";
import { closeIncidentByAdult, type Outcome } from "./close-incident";
import { sendNextWaveNow } from "./manage-incident";
import { workerUtils } from "./schedule";
import { startIncident } from "./start-incident";
import type { PersonVerification } from "./verification";
import { wordGuessBudget } from "./verification";

recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

type FamilyKey = "A" | "B";
type PersonKey = "ana" | "luis" | "beto";
type Phone = "P1" | "P2" | "P3" | "C1";
type TextKind = "safeA" | "duressA" | "safeB" | "duressB" | "wrong" | "sentence" | "yes" | "no" | "stop" | "start";

const texts: Record<TextKind, string[]> = {
  safeA: ["mazapan", "Mazapán.", "MAZAPAN!", "mazapan, estoy bien 🙂"],
  duressA: ["girasol", "¡Girasol!"],
  safeB: ["tamarindo", "Tamarindo."],
  duressB: ["papalote"],
  wrong: ["intento", "Chabacano"],
  sentence: ["ya voy", "estoy bien, ya voy"],
  yes: ["SI", "sí"],
  no: ["no"],
  stop: ["ALTO"],
  start: ["INICIO"],
};
const secretWords = ["mazapan", "girasol", "tamarindo", "papalote"];
const wordOf: Record<FamilyKey, { safe: TextKind; duress: TextKind }> = {
  A: { safe: "safeA", duress: "duressA" },
  B: { safe: "safeB", duress: "duressB" },
};

// Who is who: P1 is Ana (family A) and a contact of family B (tier 1 for Beto); C1 is a contact
// of both families (tier 1 for Ana, tier 2 for Beto).
const personPhone: Record<PersonKey, Phone> = { ana: "P1", luis: "P2", beto: "P3" };
const familyPeople: Record<FamilyKey, PersonKey[]> = { A: ["ana", "luis"], B: ["beto"] };
const tiers: Record<FamilyKey, { phone: Phone; tier: number; of: PersonKey }[]> = {
  A: [{ phone: "C1", tier: 1, of: "ana" }],
  B: [
    { phone: "P1", tier: 1, of: "beto" },
    { phone: "C1", tier: 2, of: "beto" },
  ],
};
const steps = ["call", "tier1", "tier2", "tier3"] as const;

type ModelPerson = { state: PersonVerification; wordAnswered: boolean };
type ModelIncident = {
  id: string;
  family: FamilyKey;
  people: Map<PersonKey, ModelPerson>;
  open: boolean;
  outcome: Outcome | null;
  stepsDone: Set<string>;
  asked: Map<Phone, Set<"person" | "contact">>;
};
type Model = { incidents: ModelIncident[]; guesses: Map<PersonKey, number> };

type Real = {
  families: Record<FamilyKey, { id: string; scope: { familyId: string; userId: string } }>;
  personIds: Record<PersonKey, string>;
  phones: Record<Phone, string>;
};

const openIncidentOf = (model: Model, family: FamilyKey) =>
  model.incidents.findLast((incident) => incident.family === family && incident.open);

/** The families that asked this number, and the incidents of each that take its answer. */
function askingIncidents(model: Model, phone: Phone): Map<FamilyKey, ModelIncident[]> {
  const byFamily = new Map<FamilyKey, ModelIncident[]>();
  for (const incident of model.incidents)
    if (incident.asked.has(phone)) byFamily.set(incident.family, [...(byFamily.get(incident.family) ?? []), incident]);
  for (const [family, incidents] of byFamily) {
    const open = incidents.filter((incident) => incident.open);
    byFamily.set(family, open.length ? open : incidents);
  }
  return byFamily;
}

function stepPings(incident: ModelIncident, step: (typeof steps)[number]): Phone[] {
  if (step === "call")
    return [...incident.people]
      .filter(([, person]) => !person.wordAnswered && person.state !== "confirmed_safe")
      .map(([key]) => personPhone[key]);
  const tier = steps.indexOf(step);
  return tiers[incident.family]
    .filter((entry) => entry.tier === tier && incident.people.has(entry.of) && incident.people.get(entry.of)!.state !== "confirmed_safe")
    .map((entry) => entry.phone);
}

class Start implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly family: FamilyKey,
    readonly who: PersonKey | "all",
  ) {}
  check = () => this.who === "all" || familyPeople[this.family].includes(this.who);
  async run(model: Model, real: Real) {
    const targets = this.who === "all" ? familyPeople[this.family] : [this.who];
    const started = await startIncident({
      ...real.families[this.family].scope,
      personId: this.who === "all" ? null : real.personIds[this.who],
    });
    // People already under verification stay where they are, and so do people who answered with
    // a word minutes ago (every step of a run is within those minutes); the others get a new incident.
    const mine = model.incidents.filter((incident) => incident.family === this.family);
    const heldBy = (person: PersonKey) =>
      mine.find((incident) => incident.open && incident.people.has(person)) ??
      mine.findLast((incident) => incident.people.get(person)?.wordAnswered);
    const free = targets.filter((person) => !heldBy(person));
    if (free.length === 0) {
      expect(started).toEqual({ incident: expect.objectContaining({ id: heldBy(targets[0]!)!.id }), alreadyOpen: true });
      return;
    }
    expect(started.alreadyOpen).toBe(false);
    model.incidents.push({
      id: started.incident.id,
      family: this.family,
      people: new Map(free.map((person) => [person, { state: "waiting", wordAnswered: false }])),
      open: true,
      outcome: null,
      stepsDone: new Set(),
      asked: new Map(free.map((person) => [personPhone[person], new Set(["person" as const])])),
    });
  }
  toString = () => `start(${this.family}, ${this.who})`;
}

class Reply implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly from: Phone,
    readonly kind: TextKind,
    readonly variant: number,
    readonly twice: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const text = texts[this.kind][this.variant % texts[this.kind].length]!;
    const before = await replyEventsByFamily(real);
    const params = inboundSms(real.phones[this.from], text, messageSid());
    const deliveries = this.twice ? [params, params] : [params];
    const responses = await Promise.all(deliveries.map((delivery) => handleTwilioWebhook(signedWebhook("/api/twilio/sms", delivery))));
    for (const response of responses) expect(response.status).toBe(200);
    expect(await db.inboundWebhook.count({ where: { providerKey: params.MessageSid, processedAt: { not: null } } })).toBe(1);

    // Routing: a family's word reaches that family's latest question, live or ended; otherwise a
    // live question anywhere outranks ended ones; when the text holds some family's word, the
    // others get it only if another family protects the number (they see no text from it anyway).
    const asking = askingIncidents(model, this.from);
    const withWord = [...asking.keys()].filter((family) => this.kind === wordOf[family].safe || this.kind === wordOf[family].duress);
    const anyLive = [...asking.values()].some((incidents) => incidents.some((incident) => incident.open));
    const protectors = (Object.keys(familyPeople) as FamilyKey[]).filter((family) =>
      familyPeople[family].some((person) => personPhone[person] === this.from),
    );
    const keyword = this.kind === "stop" || this.kind === "start";
    const recipients = new Set(
      keyword
        ? []
        : [...asking.keys()].filter(
            (family) =>
              withWord.includes(family) ||
              ((!anyLive || asking.get(family)!.some((incident) => incident.open)) &&
                (withWord.length === 0 || protectors.some((other) => other !== family))),
          ),
    );
    const after = await replyEventsByFamily(real);
    for (const family of ["A", "B"] as const)
      expect(after[family] > before[family], `family ${family} received "${text}" from ${this.from}`).toBe(recipients.has(family));

    for (const family of recipients) for (const incident of asking.get(family)!) this.apply(model, incident);
  }

  private apply(model: Model, incident: ModelIncident) {
    const roles = incident.asked.get(this.from)!;
    const family = incident.family;
    const isSafe = this.kind === wordOf[family].safe;
    const isDuress = this.kind === wordOf[family].duress;
    const attempt = ["safeA", "duressA", "safeB", "duressB", "wrong"].includes(this.kind);
    if (roles.has("person")) {
      const key = (Object.keys(personPhone) as PersonKey[]).find(
        (person) => personPhone[person] === this.from && incident.people.has(person),
      )!;
      const person = incident.people.get(key)!;
      let allowed = true;
      if (attempt && incident.open) {
        const used = model.guesses.get(key) ?? 0;
        allowed = used < wordGuessBudget.limit;
        if (allowed) model.guesses.set(key, used + 1);
      }
      if (incident.open) {
        if (isDuress) person.state = "in_danger";
        else if (isSafe && allowed && person.state !== "in_danger") person.state = "confirmed_safe";
        if ((isSafe || isDuress) && allowed) person.wordAnswered = true;
      }
    }
    if (roles.has("contact") && incident.open && this.kind === "yes") {
      for (const entry of tiers[family].filter((tierEntry) => tierEntry.phone === this.from)) {
        const person = incident.people.get(entry.of);
        if (person?.state === "waiting") person.state = "probably_safe";
      }
    }
    if (incident.open && [...incident.people.values()].every((person) => person.state === "confirmed_safe")) {
      incident.open = false;
      incident.outcome = "confirmed_safe";
    }
  }
  toString = () => `reply(${this.from}, ${this.kind}#${this.variant}${this.twice ? ", twice" : ""})`;
}

class Wave implements fc.AsyncCommand<Model, Real> {
  constructor(readonly family: FamilyKey) {}
  check = (model: Readonly<Model>) => openIncidentOf(model as Model, this.family) !== undefined;
  async run(model: Model, real: Real) {
    const incident = openIncidentOf(model, this.family)!;
    let next: (typeof steps)[number] | null = null;
    for (const step of steps) {
      if (incident.stepsDone.has(step)) continue;
      incident.stepsDone.add(step);
      const pings = stepPings(incident, step);
      if (pings.length) {
        next = step;
        for (const phone of pings)
          incident.asked.set(phone, new Set([...(incident.asked.get(phone) ?? []), step === "call" ? "person" : "contact"]));
        break;
      }
    }
    const result = sendNextWaveNow({ ...real.families[this.family].scope, incidentId: incident.id });
    if (next) await result;
    else await expect(result).rejects.toMatchObject({ code: "conflict" });
  }
  toString = () => `wave(${this.family})`;
}

/** Starts (or opens) the family's incident for everyone and sends every wave: all its numbers are asked. */
class StartAndAskAll implements fc.AsyncCommand<Model, Real> {
  constructor(readonly family: FamilyKey) {}
  check = () => true;
  async run(model: Model, real: Real) {
    await new Start(this.family, "all").run(model, real);
    for (let wave = 0; wave < steps.length && openIncidentOf(model, this.family); wave++) await new Wave(this.family).run(model, real);
  }
  toString = () => `startAndAskAll(${this.family})`;
}

class Close implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly family: FamilyKey,
    readonly outcome: Outcome,
  ) {}
  check = (model: Readonly<Model>) => openIncidentOf(model as Model, this.family) !== undefined;
  async run(model: Model, real: Real) {
    const incident = openIncidentOf(model, this.family)!;
    const result = closeIncidentByAdult({ ...real.families[this.family].scope, incidentId: incident.id, outcome: this.outcome });
    const inDanger = [...incident.people.values()].some((person) => person.state === "in_danger");
    if (inDanger && this.outcome !== "danger") {
      await expect(result).rejects.toMatchObject({ code: "conflict" });
      return;
    }
    await result;
    incident.open = false;
    incident.outcome = this.outcome;
  }
  toString = () => `close(${this.family}, ${this.outcome})`;
}

async function replyEventsByFamily(real: Real): Promise<Record<FamilyKey, number>> {
  const count = (familyId: string) => db.incidentEvent.count({ where: { type: { in: ["reply", "late_reply"] }, incident: { familyId } } });
  return { A: await count(real.families.A.id), B: await count(real.families.B.id) };
}

/** Everything that must hold after every step, read from the database. */
async function checkInvariants(model: Model, real: Real) {
  const familyIds = [real.families.A.id, real.families.B.id];
  const wordReplies = new Set<string>();
  for (const incident of model.incidents) {
    const row = await db.incident.findUniqueOrThrow({
      where: { id: incident.id },
      include: { people: true, events: { select: { type: true } } },
    });
    expect({ open: row.status === "open", outcome: row.outcome }, `incident of ${incident.family}`).toEqual({
      open: incident.open,
      outcome: incident.outcome,
    });
    for (const [key, person] of incident.people) {
      const entry = row.people.find((candidate) => candidate.personId === real.personIds[key])!;
      expect(entry.state, `${key} in the incident of ${incident.family}`).toBe(person.state);
      expect(entry.openPersonId !== null).toBe(incident.open);
    }
    // Duress is never followed by an all-clear.
    if (row.people.some((entry) => entry.state === "in_danger"))
      expect(row.events.map((event) => event.type)).not.toContain("all_clear_sent");
    // Closed safe exactly when every claimed person gave the safe word.
    expect(row.outcome === "confirmed_safe").toBe(row.people.every((entry) => entry.state === "confirmed_safe"));
    // A person who answered with a word is asked nothing more by that incident.
    for (const entry of row.people.filter((candidate) => candidate.wordAnsweredAt)) {
      const later = await db.checkIn.count({
        where: { incidentId: incident.id, personId: entry.personId, contactId: null, createdAt: { gt: entry.wordAnsweredAt! } },
      });
      expect(later).toBe(0);
      // The phone's transcript after a word: this incident's family sent it exactly the word's
      // reply and nothing else, the same text whichever word it was.
      const phone = await db.person.findUniqueOrThrow({ where: { id: entry.personId }, select: { phone: true } });
      const after = await db.outboundMessage.findMany({
        where: {
          familyId: row.familyId,
          to: phone.phone,
          createdAt: { gte: row.startedAt },
          purpose: { notIn: ["incident_check_in", "incident_call"] },
        },
        select: { purpose: true, body: true },
      });
      expect(
        after.map((message) => message.purpose),
        `what ${entry.personId} got after a word`,
      ).toEqual(["incident_word_reply"]);
      wordReplies.add(after[0]!.body);
    }
  }
  expect(wordReplies.size, "one reply text after either word").toBeLessThanOrEqual(1);
  // One open incident per person.
  const open = await db.incidentPerson.groupBy({
    by: ["personId"],
    where: { familyId: { in: familyIds }, incident: { status: "open" } },
    _count: true,
  });
  for (const group of open) expect(group._count).toBe(1);
  // A family sees no text from a number another family protects: YES/NO count, the rest is hidden,
  // so a right guess at the other family's word looks like a wrong one.
  const hidden = await db.checkIn.findMany({
    where: { familyId: real.families.B.id, phone: real.phones.P1, reply: { not: null } },
    select: { reply: true },
  });
  for (const { reply } of hidden) expect(reply).toBe(REDACTED);
  // No family's word in clear in its own rows; none in any message sent.
  const ownWords: Record<FamilyKey, string[]> = { A: secretWords.slice(0, 2), B: secretWords.slice(2) };
  for (const key of ["A", "B"] as const) {
    const familyId = real.families[key].id;
    const rows = JSON.stringify([
      await db.checkIn.findMany({ where: { familyId }, select: { reply: true } }),
      await db.incidentEvent.findMany({ where: { incident: { familyId } }, select: { data: true } }),
    ]).toLowerCase();
    for (const word of ownWords[key]) expect(rows, `family ${key}'s rows`).not.toContain(word);
  }
  const outbound = JSON.stringify(
    await db.outboundMessage.findMany({
      where: { OR: [{ familyId: { in: familyIds } }, { to: { in: Object.values(real.phones) } }] },
      select: { body: true },
    }),
  ).toLowerCase();
  for (const word of secretWords) expect(outbound).not.toContain(word);
  // What a number sent never holds, in clear, a word of a family that has that number in its plan
  // (another family's word from an unrelated number is just text to everyone).
  const related: Record<Phone, string[]> = { P1: secretWords, P2: secretWords.slice(0, 2), P3: secretWords.slice(2), C1: secretWords };
  for (const phone of Object.keys(related) as Phone[]) {
    const received = JSON.stringify(
      await db.inboundWebhook.findMany({ where: { fromNumber: real.phones[phone] }, select: { body: true, params: true } }),
    ).toLowerCase();
    for (const word of related[phone]) expect(received, `a text from ${phone}`).not.toContain(word);
  }
}

async function setup(): Promise<{ model: Model; real: Real }> {
  const a = await createTestPlan({
    name: "Familia Vega",
    people: [{ name: "Ana Vega" }, { name: "Luis Vega" }],
    contacts: [{ name: "Coach", tier: 1, of: "Ana Vega" }],
  });
  const [ana, luis] = a.people;
  const coach = a.contacts[0]!;
  const b = await createTestPlan({
    name: "Familia Ruiz",
    people: [{ name: "Beto Ruiz" }],
    contacts: [
      { name: "Ana (vecina)", tier: 1, phone: ana!.phone },
      { name: "Coach", tier: 2, phone: coach.phone },
    ],
    words: { safeWord: "tamarindo", duressWord: "papalote" },
  });
  return {
    model: { incidents: [], guesses: new Map() },
    real: {
      families: { A: { id: a.family.id, scope: a.scope }, B: { id: b.family.id, scope: b.scope } },
      personIds: { ana: ana!.id, luis: luis!.id, beto: b.people[0]!.id },
      phones: { P1: ana!.phone, P2: luis!.phone, P3: b.people[0]!.phone, C1: coach.phone },
    },
  };
}

const family = fc.constantFrom<FamilyKey>("A", "B");
const commands = [
  fc.tuple(family, fc.constantFrom<PersonKey | "all">("ana", "luis", "beto", "all")).map(([key, who]) => new Start(key, who)),
  // Replies are the heart of it: weighted towards the shared numbers and towards words.
  ...Array.from({ length: 3 }, () =>
    fc
      .tuple(
        fc.constantFrom<Phone>("P1", "P1", "P2", "P3", "C1"),
        fc.constantFrom<TextKind>("safeA", "safeA", "duressA", "safeB", "duressB", ...(Object.keys(texts) as TextKind[])),
        fc.nat(5),
        fc.boolean(),
      )
      .map(([from, kind, variant, twice]) => new Reply(from, kind, variant, twice)),
  ),
  family.map((key) => new Wave(key)),
  family.map((key) => new StartAndAskAll(key)),
  fc.tuple(family, fc.constantFrom<Outcome>("false_alarm", "no_answer", "danger")).map(([key, outcome]) => new Close(key, outcome)),
];

describe("the verdict core against its model", () => {
  it("holds every invariant under random sequences from two families that share numbers", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 16 }), async (sequence) => {
        const { model, real } = await setup();
        const checked = [...sequence].map((command) => ({
          check: (current: Readonly<Model>) => command.check(current as Model),
          run: async (current: Model, system: Real) => {
            await command.run(current, system);
            await checkInvariants(current, system);
          },
          toString: () => command.toString(),
        }));
        await fc.asyncModelRun(() => ({ model, real }), checked);
      }),
      { numRuns: 25 },
    );
  });
});
