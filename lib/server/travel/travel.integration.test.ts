import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportFamilyData } from "@/lib/server/family/manage-family";
import { exposureTipsKey, saveExposureCheck, sendExposureTips } from "@/lib/server/exposure/exposure-checks";
import { eraseFamily } from "@/lib/server/family/erase-family";
import { runIncidentStep } from "@/lib/server/incidents/run-step";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { getPlanOverview } from "@/lib/server/plan/get-plan-overview";
import { addTestMember, createTestFamily, createTestPlan, dayFromToday, tripInput, uniquePhone } from "@/tests/integration/factories";
import { replyFrom, setUpIncidentTests } from "@/tests/integration/incident-harness";
import { drainJobs } from "@/tests/integration/jobs";
import { signedWebhook } from "@/tests/integration/webhook-request";
import { getIncidentTravel } from "./incident-travel";
import { sendTripWarning, tripWarningJobKey } from "./trip-warning";
import { addTripCompanion, createTrip, deleteTrip, listTrips, removeTripContact, TRIPS_PER_DAY, updateTrip } from "./trips";

const sent = setUpIncidentTests();

type Plan = Awaited<ReturnType<typeof createTestPlan>>;
const planWithTree = () =>
  createTestPlan({
    contacts: [
      { name: "Escuela", tier: 1 },
      { name: "Tía", tier: 2 },
    ],
  });
const warningJobs = (tripId: string) =>
  db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM graphile_worker.jobs WHERE key = ${tripWarningJobKey(tripId)}`.then(
    (rows) => Number(rows[0]!.count),
  );
const gather = (messageId: string, callSid: string, digit: string) =>
  handleTwilioWebhook(signedWebhook(`/api/twilio/voice/gather?m=${messageId}`, { CallSid: callSid, Digits: digit }));

async function tripFor(plan: Plan, overrides: Parameters<typeof tripInput>[0] = {}, companion = true) {
  const input = tripInput(overrides);
  const trip = await createTrip({ ...plan.scope, personId: plan.people[0]!.id, input });
  const mate = companion
    ? await addTripCompanion({ ...plan.scope, tripId: trip.id, input: { name: "Lucía", phone: uniquePhone("55"), locale: "es" } })
    : null;
  await drainJobs(); // the warning
  sent.length = 0;
  return {
    trip,
    input,
    deskPhone: input.phone,
    companion: mate && (await db.contact.findUniqueOrThrow({ where: { id: mate.contactId } })),
  };
}

/** Who the first contact wave of a new incident for the plan's first person asks. */
async function firstWave(plan: Plan) {
  const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
  await runIncidentStep({ incidentId: incident.id, step: "tier1" });
  const checkIns = await db.checkIn.findMany({ where: { incidentId: incident.id, wave: 2 }, include: { contact: true, message: true } });
  return { incidentId: incident.id, checkIns, names: checkIns.map((checkIn) => checkIn.contact?.name).sort() };
}

describe("trip contacts in an incident", () => {
  it("asks the hotel desk (by phone, for the guest by full name) and the companions in the first wave during the trip", async () => {
    const plan = await planWithTree();
    const { deskPhone } = await tripFor(plan);
    const { checkIns, names } = await firstWave(plan);
    expect(names).toEqual(["Escuela", "Hotel Laguna", "Lucía"]);
    const desk = checkIns.find((checkIn) => checkIn.phone === deskPhone)!;
    expect(desk.channel).toBe("voice");
    expect(desk.message!.body).toContain("huésped Ana Vega");
  });

  it("never calls the hotel in a drill (the companions are asked, marked as a drill)", async () => {
    const plan = await planWithTree();
    const { deskPhone, companion } = await tripFor(plan);
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id, drill: true });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    const asked = await db.checkIn.findMany({ where: { incidentId: incident.id, wave: 2 }, include: { message: true } });
    expect(asked.map((checkIn) => checkIn.phone)).not.toContain(deskPhone);
    expect(asked.find((checkIn) => checkIn.phone === companion!.phone)?.message?.body).toMatch(/^SIMULACRO: /);
  });

  it("asks them in no wave before the trip or after it", async () => {
    const upcoming = await planWithTree();
    await tripFor(upcoming, { startsOn: dayFromToday(3), endsOn: dayFromToday(6) });
    const over = await planWithTree();
    const { trip } = await tripFor(over);
    await db.trip.update({
      where: { id: trip.id },
      data: { startsAt: new Date(Date.now() - 6 * 86_400_000), endsAt: new Date(Date.now() - 60_000) },
    });
    for (const plan of [upcoming, over]) {
      const { incidentId, names } = await firstWave(plan);
      expect(names).toEqual(["Escuela"]);
      await runIncidentStep({ incidentId, step: "tier2" });
      const later = await db.checkIn.findMany({ where: { incidentId, wave: { gte: 3 } }, include: { contact: true } });
      expect(later.map((checkIn) => checkIn.contact?.name)).toEqual(["Tía"]);
    }
  });

  it("counts the desk's key press like a contact's YES, for the family whose call it answered only, when two families list the same desk", async () => {
    const deskPhone = uniquePhone("81");
    const ours = await planWithTree();
    const theirs = await createTestPlan({ name: "Familia Otra", people: [{ name: "Beto Otro" }] });
    await tripFor(ours, { phone: deskPhone }, false);
    await tripFor(theirs, { phone: deskPhone }, false);
    const [a, b] = [await firstWave(ours), await firstWave(theirs)];
    await drainJobs();
    const deskA = a.checkIns.find((checkIn) => checkIn.phone === deskPhone)!;
    const deskB = b.checkIns.find((checkIn) => checkIn.phone === deskPhone)!;
    const messageA = await db.outboundMessage.findUniqueOrThrow({ where: { id: deskA.messageId! } });
    expect((await gather(messageA.id, messageA.providerSid!, "1")).status).toBe(200);
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: a.incidentId } })).toMatchObject({ state: "probably_safe" });
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: deskA.id } })).toMatchObject({ verdict: "seen_safe" });
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: b.incidentId } })).toMatchObject({ state: "waiting" });
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: deskB.id } })).toMatchObject({ reply: null });
  });

  it("gives the live screen the desk and companions of a trip under way, to the family only", async () => {
    const plan = await planWithTree();
    const { deskPhone, companion } = await tripFor(plan);
    const { incidentId } = await firstWave(plan);
    expect(await getIncidentTravel({ ...plan.scope, incidentId })).toMatchObject([
      {
        personName: "Ana Vega",
        destination: "Cancún",
        hotelName: "Hotel Laguna",
        desk: { phone: deskPhone },
        companions: [{ name: "Lucía", phone: companion!.phone }],
      },
    ]);
    const other = await createTestFamily();
    await expect(getIncidentTravel({ familyId: other.family.id, userId: other.ownerId, incidentId })).rejects.toMatchObject({
      code: "not_found",
    });
    const later = await planWithTree();
    await tripFor(later, { startsOn: dayFromToday(2), endsOn: dayFromToday(4) });
    expect(await getIncidentTravel({ ...later.scope, incidentId: (await firstWave(later)).incidentId })).toEqual([]);
  });

  it("counts a companion's texted YES like a contact's", async () => {
    const plan = await planWithTree();
    const { companion } = await tripFor(plan);
    const { incidentId } = await firstWave(plan);
    await replyFrom(companion!.phone, "Sí, está conmigo");
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId } })).toMatchObject({ state: "probably_safe" });
  });
});

describe("the traveller's warning", () => {
  it("goes once per trip, in the traveller's language, even with a double submit, a retry and a second worker", async () => {
    const plan = await createTestPlan({ people: [{ name: "Ana Vega", locale: "en" }] });
    const input = tripInput();
    const trips = await Promise.all([1, 2, 3].map(() => createTrip({ ...plan.scope, personId: plan.people[0]!.id, input })));
    expect(new Set(trips.map((trip) => trip.id)).size).toBe(1);
    expect(await db.trip.count({ where: { familyId: plan.family.id } })).toBe(1);
    expect(await warningJobs(trips[0]!.id)).toBe(1);
    await Promise.all([drainJobs(), sendTripWarning({ tripId: trips[0]!.id }), sendTripWarning({ tripId: trips[0]!.id })]);
    await drainJobs();
    await updateTrip({ ...plan.scope, tripId: trips[0]!.id, input: { ...input, hotelName: "Hotel Nuevo" } });
    await drainJobs();
    const toTraveller = sent.filter((message) => message.to === plan.people[0]!.phone);
    expect(toTraveller).toHaveLength(1);
    expect(toTraveller[0]!.body).toMatch(/^Have a good trip\. If a caller says your family is in danger/);
    expect(toTraveller[0]!.body).not.toMatch(/kidnap|ransom|extort|mazapan|girasol/i);
    expect(await db.outboundMessage.count({ where: { familyId: plan.family.id, purpose: "trip_warning" } })).toBe(1);
  });

  it("waits until the evening before a later trip, and moves when its dates do", async () => {
    const plan = await createTestPlan();
    const { trip, input } = await tripFor(plan, { startsOn: dayFromToday(5), endsOn: dayFromToday(8) }, false);
    expect(await warningJobs(trip.id)).toBe(1);
    expect(await db.outboundMessage.count({ where: { familyId: plan.family.id, purpose: "trip_warning" } })).toBe(0);
    await updateTrip({ ...plan.scope, tripId: trip.id, input: { ...input, startsOn: dayFromToday(0), endsOn: dayFromToday(2) } });
    await drainJobs();
    expect(sent.filter((message) => message.to === plan.people[0]!.phone)).toHaveLength(1);
  });

  it("respects STOP: nothing reaches a traveller who opted out, and it is not tried again", async () => {
    const plan = await createTestPlan();
    await replyFrom(plan.people[0]!.phone, "ALTO");
    await drainJobs();
    sent.length = 0;
    const trip = await createTrip({ ...plan.scope, personId: plan.people[0]!.id, input: tripInput() });
    await drainJobs();
    expect(sent.filter((message) => message.to === plan.people[0]!.phone)).toEqual([]);
    const message = await db.outboundMessage.findFirstOrThrow({ where: { familyId: plan.family.id, purpose: "trip_warning" } });
    expect(message).toMatchObject({ status: "failed", errorCode: "opted_out" });
    expect(await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).toMatchObject({ warningMessageId: message.id });
    expect(await sendTripWarning({ tripId: trip.id })).toBeNull();
  });

  it("is not sent for a trip deleted before its evening, and its job goes with it", async () => {
    const plan = await createTestPlan();
    const { trip } = await tripFor(plan, { startsOn: dayFromToday(5), endsOn: dayFromToday(8) }, false);
    await deleteTrip({ ...plan.scope, tripId: trip.id });
    expect(await warningJobs(trip.id)).toBe(0);
    expect(await sendTripWarning({ tripId: trip.id })).toBeNull();
  });

  it("is limited per family per day", async () => {
    const plan = await createTestPlan();
    for (let index = 0; index < TRIPS_PER_DAY; index++)
      await createTrip({ ...plan.scope, personId: plan.people[0]!.id, input: tripInput({ phone: "" }) });
    await expect(createTrip({ ...plan.scope, personId: plan.people[0]!.id, input: tripInput({ phone: "" }) })).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "trip.tooMany",
    });
  });
});

describe("trips", () => {
  it("belong to one family: another family, or a member, cannot read or change them", async () => {
    const plan = await createTestPlan();
    const { trip } = await tripFor(plan);
    const other = await createTestFamily();
    const outsider = { familyId: other.family.id, userId: other.ownerId };
    const member = await addTestMember(plan.family.id, "member");
    await expect(listTrips({ ...plan.scope, userId: other.ownerId, personId: plan.people[0]!.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listTrips({ ...outsider, personId: plan.people[0]!.id })).toEqual([]);
    await expect(updateTrip({ ...outsider, tripId: trip.id, input: tripInput() })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteTrip({ ...outsider, tripId: trip.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      addTripCompanion({ ...outsider, tripId: trip.id, input: { name: "X", phone: uniquePhone("55"), locale: "es" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(createTrip({ ...outsider, personId: plan.people[0]!.id, input: tripInput() })).rejects.toMatchObject({
      code: "not_found",
    });
    // Reusing another family's trip id as a form key takes nothing over.
    const person = await db.person.create({ data: { familyId: other.family.id, name: "Otro", phone: uniquePhone("55"), locale: "es" } });
    await expect(createTrip({ ...outsider, personId: person.id, input: tripInput({ tripKey: trip.id }) })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(deleteTrip({ familyId: plan.family.id, userId: member.id, tripId: trip.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await listTrips({ familyId: plan.family.id, userId: member.id, personId: plan.people[0]!.id })).toHaveLength(1);
    expect(await db.trip.count({ where: { id: trip.id } })).toBe(1);
  });

  it("refuse bad dates and numbers on their field", async () => {
    const plan = await createTestPlan();
    const personId = plan.people[0]!.id;
    await expect(
      createTrip({ ...plan.scope, personId, input: tripInput({ startsOn: dayFromToday(5), endsOn: dayFromToday(4) }) }),
    ).rejects.toMatchObject({ messageKey: "trip.endBeforeStart", details: { field: "endsOn" } });
    await expect(createTrip({ ...plan.scope, personId, input: tripInput({ startsOn: "2027-02-30" }) })).rejects.toMatchObject({
      messageKey: "trip.dateInvalid",
      details: { field: "startsOn" },
    });
    await expect(createTrip({ ...plan.scope, personId, input: tripInput({ phone: "12" }) })).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "phone" },
    });
    await expect(createTrip({ ...plan.scope, personId: "not-a-uuid", input: tripInput() })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.trip.count({ where: { familyId: plan.family.id } })).toBe(0);
  });

  it("reuse a contact the family already has, and take away only the contacts made for them", async () => {
    const plan = await planWithTree();
    const school = plan.contacts[0]!;
    const { trip, companion } = await tripFor(plan);
    const schoolLink = await addTripCompanion({
      ...plan.scope,
      tripId: trip.id,
      input: { name: "Escuela", phone: school.phone, locale: "es" },
    });
    expect(schoolLink.contactId).toBe(school.id);
    await expect(
      addTripCompanion({ ...plan.scope, tripId: trip.id, input: { name: "Otra vez", phone: school.phone, locale: "es" } }),
    ).rejects.toMatchObject({ messageKey: "trip.alreadyOnTrip" });
    await removeTripContact({ ...plan.scope, tripId: trip.id, tripContactId: schoolLink.id });
    expect(await db.contact.count({ where: { id: school.id } })).toBe(1);
    await deleteTrip({ ...plan.scope, tripId: trip.id });
    expect(await db.contact.count({ where: { id: companion!.id } })).toBe(0);
    expect(await db.contact.count({ where: { familyId: plan.family.id, forTrip: true } })).toBe(0);
    expect(await db.contact.count({ where: { id: school.id } })).toBe(1);
  });
});

describe("exposure checks and the plan", () => {
  it("count in the plan's completeness with each upcoming trip's desk, and are due again after six months", async () => {
    const plan = await createTestPlan({ contacts: [{ name: "Escuela", tier: 1 }] });
    const scope = plan.scope;
    const before = await getPlanOverview(scope);
    expect(before.completeness).toEqual({ done: 2, total: 3 }); // words, tier 1; no exposure check
    expect(before.exposureDue).toEqual([{ id: plan.people[0]!.id, name: "Ana Vega", never: true }]);

    await saveExposureCheck({
      ...scope,
      personId: plan.people[0]!.id,
      input: { profilesPublic: "yes", phoneVisible: "no", tripsPostedLive: "unsure", placesPublic: "no" },
    });
    await createTrip({
      ...scope,
      personId: plan.people[0]!.id,
      input: tripInput({ phone: "", startsOn: dayFromToday(10), endsOn: dayFromToday(12) }),
    });
    const after = await getPlanOverview(scope);
    expect(after.completeness).toEqual({ done: 3, total: 4 }); // the trip has no desk yet
    expect(after.exposureDue).toEqual([]);
    const person = after.people[0]!;
    expect(person.exposure).toMatchObject({
      level: "medium",
      nextSteps: [
        { question: "profilesPublic", answer: "yes" },
        { question: "tripsPostedLive", answer: "unsure" },
      ],
    });
    expect(person.trips).toMatchObject([{ status: "upcoming", hasDesk: false }]);

    const later = await getPlanOverview({ ...scope, now: new Date(Date.now() + 200 * 86_400_000) });
    expect(later.exposureDue).toEqual([{ id: plan.people[0]!.id, name: "Ana Vega", never: false }]);
  });

  it("belong to one family and are for its admins to record", async () => {
    const plan = await createTestPlan();
    const other = await createTestFamily();
    const member = await addTestMember(plan.family.id, "member");
    const input = { profilesPublic: "no", phoneVisible: "no", tripsPostedLive: "no", placesPublic: "no" } as const;
    await expect(
      saveExposureCheck({ familyId: other.family.id, userId: other.ownerId, personId: plan.people[0]!.id, input }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      saveExposureCheck({ familyId: plan.family.id, userId: member.id, personId: plan.people[0]!.id, input }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.exposureCheck.count({ where: { personId: plan.people[0]!.id } })).toBe(0);
    await saveExposureCheck({ ...plan.scope, personId: plan.people[0]!.id, input });
    expect(sent).toEqual([]); // nothing goes to the person
  });

  it("reach the person only when an admin asks: the steps, in their language, once a day, never to a number that said STOP", async () => {
    const plan = await createTestPlan({ people: [{ name: "Ana Vega" }, { name: "Leo Vega" }] });
    const [ana, leo] = [plan.people[0]!, plan.people[1]!];
    const member = await addTestMember(plan.family.id, "member");
    const other = await createTestFamily();
    await expect(sendExposureTips({ ...plan.scope, personId: ana.id })).rejects.toMatchObject({ code: "conflict" });
    await saveExposureCheck({
      ...plan.scope,
      personId: ana.id,
      input: { profilesPublic: "no", phoneVisible: "yes", tripsPostedLive: "no", placesPublic: "unsure" },
    });
    await expect(sendExposureTips({ familyId: plan.family.id, userId: member.id, personId: ana.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(sendExposureTips({ familyId: other.family.id, userId: other.ownerId, personId: ana.id })).rejects.toMatchObject({
      code: "not_found",
    });

    await sendExposureTips({ ...plan.scope, personId: ana.id });
    await expect(sendExposureTips({ ...plan.scope, personId: ana.id })).rejects.toMatchObject({ code: "rate_limited" });
    await drainJobs();
    const texts = sent.filter((message) => message.to === ana.phone);
    expect(texts).toHaveLength(1);
    // Her two steps ("yes", and "not sure": check it), not the one she does not need; no answers, no accounts.
    expect(texts[0]!.body).toContain("quita tu celular de tus redes");
    expect(texts[0]!.body).toContain("no muestres tu escuela o trabajo");
    expect(texts[0]!.body).not.toContain("perfiles en privado");

    // A number that texted STOP gets nothing; the outbox says why.
    await db.smsOptOut.create({ data: { phone: leo.phone } });
    await saveExposureCheck({
      ...plan.scope,
      personId: leo.id,
      input: { profilesPublic: "yes", phoneVisible: "no", tripsPostedLive: "no", placesPublic: "no" },
    });
    const { message } = await sendExposureTips({ ...plan.scope, personId: leo.id });
    await drainJobs();
    expect(sent.filter((entry) => entry.to === leo.phone)).toEqual([]);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "failed",
      errorCode: "opted_out",
    });

    // Deleting the family forgets that tips were sent.
    await eraseFamily(plan.family.id);
    expect(await db.attemptCounter.count({ where: { key: { startsWith: exposureTipsKey(plan.family.id, "") } } })).toBe(0);
  });

  it("and trips are in the family's export", async () => {
    const plan = await createTestPlan();
    const { trip, deskPhone } = await tripFor(plan);
    await saveExposureCheck({
      ...plan.scope,
      personId: plan.people[0]!.id,
      input: { profilesPublic: "no", phoneVisible: "yes", tripsPostedLive: "no", placesPublic: "no" },
    });
    const data = await exportFamilyData(plan.scope);
    expect(data.family.trips).toMatchObject([
      {
        id: trip.id,
        destination: "Cancún",
        hotelName: "Hotel Laguna",
        contacts: expect.arrayContaining([expect.objectContaining({ role: "desk" }), expect.objectContaining({ role: "companion" })]),
      },
    ]);
    expect(data.family.contacts.some((contact) => contact.phone === deskPhone && contact.forTrip)).toBe(true);
    expect(data.family.exposureChecks).toMatchObject([{ personId: plan.people[0]!.id, phoneVisible: "yes" }]);
  });
});
