// Erasure proven from the catalog: after a family is deleted, no column of any table in the
// database (every schema, listed by PostgreSQL itself, not by hand) still holds its ids, its
// numbers or its names — while another family that shares one of its numbers keeps its own data.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkCallerWord } from "@/lib/server/incidents/manage-incident";
import { workerUtils } from "@/lib/server/incidents/schedule";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { sendTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { createContact } from "@/lib/server/contacts/contacts";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { createPerson, deletePerson } from "@/lib/server/people/people";
import { checkSecretWord, saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { createInvite } from "@/lib/server/invite/create-invite";
import { saveExposureCheck } from "@/lib/server/exposure/exposure-checks";
import { addTripCompanion, createTrip } from "@/lib/server/travel/trips";
import { addTestMember, createTestFamily, dayFromToday, tripInput, uniquePhone } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { inboundSms, signedWebhook } from "@/tests/integration/webhook-request";
import { deleteFamily, updateAlertPhone } from "./manage-family";

recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

const newPhone = (area: "33" | "55" | "56" | "81") => uniquePhone(area);
const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const reply = (from: string, body: string) => handleTwilioWebhook(signedWebhook("/api/twilio/sms", inboundSms(from, body)));

/** Every table of every user schema, with how many of its rows mention any of the needles. */
async function rowsMentioning(needles: string[]) {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`;
  const patterns = needles.map((needle) => `%${needle.toLowerCase()}%`);
  const found: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const identifier = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM ${identifier} AS t WHERE lower(t::text) LIKE ANY ($1::text[])`,
      patterns,
    );
    if (row && row.count > 0n) found[`${schema}.${name}`] = Number(row.count);
  }
  return { tables: tables.length, found };
}

async function fullFamily() {
  const familyName = unique("Familia Borrable");
  const { family, ownerId } = await createTestFamily({ name: familyName });
  const scope = { familyId: family.id, userId: ownerId };
  const member = await addTestMember(family.id, "member");
  const names = {
    family: familyName,
    person: unique("Persona"),
    contact: unique("Contacto"),
    sharedContact: unique("Compartido"),
    removed: unique("Quitada"),
    hotel: unique("Hotel"),
    companion: unique("Acompañante"),
  };
  const phones = {
    person: newPhone("55"),
    contact: newPhone("81"),
    shared: newPhone("33"),
    adult: newPhone("56"),
    removed: newPhone("55"),
    desk: newPhone("81"),
    companion: newPhone("55"),
  };
  const person = await createPerson({
    ...scope,
    input: { name: names.person, phone: phones.person, locale: "es", notes: unique("Notas") },
  });
  // Someone who was in the plan, was texted, and was taken out of it before the family is deleted.
  const removed = await createPerson({ ...scope, input: { name: names.removed, phone: phones.removed, locale: "es", notes: "" } });
  const contact = await createContact({
    ...scope,
    input: { name: names.contact, phone: phones.contact, locale: "es", relationship: "school", channel: "sms" },
    assignTo: { personId: person.id, tier: 1 },
  });
  const shared = await createContact({
    ...scope,
    input: { name: names.sharedContact, phone: phones.shared, locale: "es", relationship: "friend", channel: "sms" },
    assignTo: { personId: person.id, tier: 2 },
  });
  await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
  await updateAlertPhone({ ...scope, phone: phones.adult });
  await createInvite({ ...scope, role: "member" });
  await checkSecretWord({ ...scope, which: "safe", word: "otra cosa" });
  // A test check-in answered, an incident with its jobs, events, a wrong caller word and replies.
  await sendTestCheckIns({ ...scope, target: { kind: "everyone" } });
  await reply(phones.contact, "Todo bien");
  await reply(phones.removed, "Aquí estoy");
  await deletePerson({ ...scope, personId: removed.id });
  // Now a number in no plan: an answer for unknown senders (and its counter), then an opt-out.
  await reply(phones.removed, "¿Siguen ahí?");
  await reply(phones.removed, "STOP");
  // A trip under way (its desk and a companion made for it, its warning sent) and a later one
  // (its warning still a pending job), and an exposure check.
  const trip = await createTrip({ ...scope, personId: person.id, input: tripInput({ hotelName: names.hotel, phone: phones.desk }) });
  await addTripCompanion({ ...scope, tripId: trip.id, input: { name: names.companion, phone: phones.companion, locale: "es" } });
  const laterTrip = await createTrip({
    ...scope,
    personId: person.id,
    input: tripInput({ hotelName: names.hotel, phone: phones.desk, startsOn: dayFromToday(20), endsOn: dayFromToday(25) }),
  });
  await saveExposureCheck({
    ...scope,
    personId: person.id,
    input: { profilesPublic: "yes", phoneVisible: "no", tripsPostedLive: "unsure", placesPublic: "no" },
  });
  const { incident } = await startIncident({ ...scope, personId: person.id });
  await checkCallerWord({ ...scope, incidentId: incident.id, word: "no es" }).catch(() => undefined);
  await reply(phones.person, "¿Qué pasa?");
  // Carrier keywords from its numbers: an opt-out and a help reply (a message with no family).
  await reply(phones.contact, "STOP");
  await reply(phones.person, "AYUDA");
  return { family, ownerId, member, person, contact, shared, incident, names, phones, trips: [trip.id, laterTrip.id] };
}

describe("deleteFamily", () => {
  it("leaves none of the family's ids, numbers or names in any table; a family sharing a number keeps its own", async () => {
    const doomed = await fullFamily();
    // Another family holds one of the same numbers, and has texted it.
    const other = await createTestFamily({ name: unique("Familia Vecina") });
    const otherScope = { familyId: other.family.id, userId: other.ownerId };
    const otherName = unique("Vecino");
    await createPerson({ ...otherScope, input: { name: otherName, phone: doomed.phones.shared, locale: "es", notes: "" } });
    await sendTestCheckIns({ ...otherScope, target: { kind: "everyone" } });
    await reply(doomed.phones.shared, "STOP");

    const ids = [doomed.family.id, doomed.person.id, doomed.contact.id, doomed.shared.id, doomed.incident.id, ...doomed.trips];
    const ownNumbers = [
      doomed.phones.person,
      doomed.phones.contact,
      doomed.phones.adult,
      doomed.phones.removed,
      doomed.phones.desk,
      doomed.phones.companion,
    ];
    const needles = [
      ...ids,
      ...ownNumbers,
      doomed.names.family,
      doomed.names.person,
      doomed.names.contact,
      doomed.names.sharedContact,
      doomed.names.hotel,
      doomed.names.companion,
    ];
    const before = await rowsMentioning(needles);
    expect(before.tables).toBeGreaterThan(15); // the app's tables, better-auth's and graphile-worker's
    // The scan sees the data where it lives, so that "nothing found" below means something.
    expect(Object.keys(before.found)).toEqual(
      expect.arrayContaining([
        "public.family",
        "public.person",
        "public.contact",
        "public.check_in",
        "public.outbound_message",
        "public.inbound_webhook",
        "public.incident",
        "public.incident_event",
        "public.sms_opt_out",
        "public.attempt_counter",
        "graphile_worker._private_jobs",
        "public.trip",
        "public.trip_contact",
        "public.exposure_check",
      ]),
    );

    // The number taken out of the plan left rows of its own, keyed by the number alone.
    expect(await db.smsOptOut.count({ where: { phone: doomed.phones.removed } })).toBe(1);
    expect(await db.attemptCounter.count({ where: { key: `unknown-sender:${doomed.phones.removed}` } })).toBe(1);
    expect(await db.inboundWebhook.count({ where: { fromNumber: doomed.phones.removed, familyId: null } })).toBeGreaterThan(0);
    expect(await db.outboundMessage.count({ where: { to: doomed.phones.removed, familyId: null } })).toBeGreaterThan(0);

    await deleteFamily({ familyId: doomed.family.id, userId: doomed.ownerId, confirmName: doomed.names.family });

    expect((await rowsMentioning(needles)).found).toEqual({});
    // The shared number stays with the other family: its person, its check-in, its opt-out.
    expect(await db.person.count({ where: { familyId: other.family.id, phone: doomed.phones.shared, name: otherName } })).toBe(1);
    expect(await db.checkIn.count({ where: { familyId: other.family.id, phone: doomed.phones.shared } })).toBe(1);
    expect(await db.smsOptOut.count({ where: { phone: doomed.phones.shared } })).toBe(1);
    // The adults keep their accounts; only the family is gone.
    expect(await db.user.count({ where: { id: { in: [doomed.ownerId, doomed.member.id] } } })).toBe(2);
  });

  it("is for admins only, and needs the family's name", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Firme" });
    const member = await addTestMember(family.id, "member");
    const admin = await addTestMember(family.id, "admin");
    await expect(deleteFamily({ familyId: family.id, userId: member.id, confirmName: "Familia Firme" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteFamily({ familyId: family.id, userId: ownerId, confirmName: "Otra" })).rejects.toMatchObject({
      messageKey: "confirmName.mismatch",
    });
    await deleteFamily({ familyId: family.id, userId: admin.id, confirmName: "Familia Firme" });
    expect(await db.family.count({ where: { id: family.id } })).toBe(0);
  });
});
