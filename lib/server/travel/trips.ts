import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Family, Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Locale, Relationship, TripContactRole } from "@/lib/generated/prisma/enums";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { isUniqueViolation, requirePhone, requireUuid } from "@/lib/server/plan/input-guards";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { parseDay, tripDatesProblem, tripStatus, tripWindow, warningRunAt } from "@/lib/travel/trip-dates";
import type { CompanionInput, TripInput } from "@/lib/validation/travel";
import { cancelTripWarning, scheduleTripWarning } from "./trip-warning";

type Transaction = Prisma.TransactionClient;
type Scope = { familyId: string; userId: string };

/** Trips an adult may add to a family per day: each one texts its traveller. */
export const TRIPS_PER_DAY = 20;
export const tripRateKey = (familyId: string) => `trip-create:${familyId}`;

const tripInclude = {
  contacts: { include: { contact: true }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.TripInclude;

/** The trip's dates and window, checked against `now` (the form checked them too; this is the boundary). */
function tripDates(input: TripInput, now: Date) {
  const problem = tripDatesProblem(input, now);
  if (problem) throw new AppError("invalid_input", problem.problem, { field: problem.field });
  const startsOn = parseDay(input.startsOn)!;
  const endsOn = parseDay(input.endsOn)!;
  return { startsOn, endsOn, timeZone: input.timeZone, ...tripWindow({ startsOn, endsOn, timeZone: input.timeZone }) };
}

async function requireTrip(options: Scope & { tripId: string }, family: Family) {
  const id = requireUuid(options.tripId, "trip.notFound");
  const trip = await db.trip.findFirst({ where: { id, familyId: family.id } });
  if (!trip) throw new AppError("not_found", "trip.notFound");
  return trip;
}

/**
 * Puts a number into the trip as its desk or a companion: the family's contact with that number
 * when there is one, else a new contact marked as the trip's, which goes with the trip.
 */
async function linkTripContact(
  tx: Transaction,
  options: {
    familyId: string;
    tripId: string;
    role: TripContactRole;
    contact: { name: string; phone: string; locale: Locale; channel: Channel; relationship: Relationship };
  },
) {
  const existing = await tx.contact.findFirst({ where: { familyId: options.familyId, phone: options.contact.phone } });
  const contact = existing ?? (await tx.contact.create({ data: { ...options.contact, familyId: options.familyId, forTrip: true } }));
  if (await tx.tripContact.findFirst({ where: { tripId: options.tripId, contactId: contact.id }, select: { id: true } })) {
    throw new AppError("conflict", "trip.alreadyOnTrip", { field: "phone" });
  }
  return tx.tripContact.create({ data: { familyId: options.familyId, tripId: options.tripId, contactId: contact.id, role: options.role } });
}

/** Contacts that were only there for trips and that no trip and no tree holds any more. */
async function dropOrphanTripContacts(tx: Transaction, familyId: string, contactIds: string[]) {
  if (contactIds.length === 0) return;
  await tx.contact.deleteMany({
    where: { id: { in: contactIds }, familyId, forTrip: true, trips: { none: {} }, vouchesFor: { none: {} } },
  });
}

async function setDesk(tx: Transaction, options: { family: Family; tripId: string; input: TripInput }) {
  const { input, family } = options;
  const previous = await tx.tripContact.findMany({ where: { tripId: options.tripId, role: "desk" }, include: { contact: true } });
  const phone = input.phone.trim() ? requirePhone(input.phone, family.country, "voice", input.phoneChoice) : null;
  if (previous.length === 1 && previous[0]!.contact.phone === phone) {
    // The same desk: its name and language follow the hotel's.
    if (previous[0]!.contact.forTrip)
      await tx.contact.update({
        where: { id: previous[0]!.contactId },
        data: { name: input.hotelName || input.destination, locale: input.deskLocale },
      });
    return;
  }
  await tx.tripContact.deleteMany({ where: { id: { in: previous.map((entry) => entry.id) } } });
  await dropOrphanTripContacts(
    tx,
    family.id,
    previous.map((entry) => entry.contactId),
  );
  if (phone) {
    // A front desk is a landline: it is called, in the language chosen for it.
    await linkTripContact(tx, {
      familyId: family.id,
      tripId: options.tripId,
      role: "desk",
      contact: { name: input.hotelName || input.destination, phone, locale: input.deskLocale, channel: "voice", relationship: "hotel" },
    });
  }
}

/**
 * Adds a trip for a person (owners and admins). The form's `tripKey` becomes the trip's id, so a
 * double submit, or a retry after a lost answer, finds the trip made and adds nothing (and
 * schedules no second warning). Each new trip spends one of the family's TRIPS_PER_DAY.
 */
export async function createTrip(options: Scope & { personId: string; input: TripInput; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const now = options.now ?? new Date();
  const personId = requireUuid(options.personId, "person.notFound");
  const person = await db.person.findFirst({ where: { id: personId, familyId: family.id }, select: { id: true } });
  if (!person) throw new AppError("not_found", "person.notFound");
  const dates = tripDates(options.input, now);
  const id = requireUuid(options.input.tripKey, "trip.formExpired");
  const made = async () => {
    const trip = await db.trip.findUnique({ where: { id } });
    if (trip && trip.familyId === family.id && trip.personId === personId) return trip;
    if (trip) throw new AppError("conflict", "trip.formExpired");
    return null;
  };
  const already = await made();
  if (already) return already;
  const attempt = await consumeAttempt({ key: tripRateKey(family.id), limit: TRIPS_PER_DAY, windowSeconds: 24 * 3600 });
  if (!attempt.allowed) throw new AppError("rate_limited", "trip.tooMany", { hours: Math.ceil(attempt.retryAfterSeconds / 3600) });
  await workerUtils();
  try {
    return await db.$transaction(async (tx) => {
      const trip = await tx.trip.create({
        data: { id, familyId: family.id, personId, destination: options.input.destination, hotelName: options.input.hotelName, ...dates },
      });
      await setDesk(tx, { family, tripId: trip.id, input: options.input });
      await scheduleTripWarning(tx, trip, now);
      return trip;
    });
  } catch (error) {
    // Two submits at the same moment: the second finds the first's trip.
    if (isUniqueViolation(error)) {
      const trip = await made();
      if (trip) return trip;
    }
    throw error;
  }
}

/** Changes a trip's dates, hotel or desk; its warning moves with it unless it already went. */
export async function updateTrip(options: Scope & { tripId: string; input: TripInput; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const now = options.now ?? new Date();
  const current = await requireTrip(options, family);
  const dates = tripDates(options.input, now);
  await workerUtils();
  return db.$transaction(async (tx) => {
    const trip = await tx.trip.update({
      where: { id: current.id },
      data: { destination: options.input.destination, hotelName: options.input.hotelName, ...dates },
    });
    await setDesk(tx, { family, tripId: trip.id, input: options.input });
    await scheduleTripWarning(tx, trip, now);
    return trip;
  });
}

/** Removes a trip, its contacts that were only there for it, and its pending warning. */
export async function deleteTrip(options: Scope & { tripId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const trip = await requireTrip(options, family);
  await workerUtils();
  await db.$transaction(async (tx) => {
    const links = await tx.tripContact.findMany({ where: { tripId: trip.id }, select: { contactId: true } });
    await tx.trip.delete({ where: { id: trip.id } });
    await dropOrphanTripContacts(
      tx,
      family.id,
      links.map((link) => link.contactId),
    );
    await cancelTripWarning(tx, trip.id);
  });
}

/** Adds someone travelling with the person: reached by text, in their language. */
export async function addTripCompanion(options: Scope & { tripId: string; input: CompanionInput }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const trip = await requireTrip(options, family);
  const phone = requirePhone(options.input.phone, family.country, "sms", options.input.phoneChoice);
  try {
    return await db.$transaction((tx) =>
      linkTripContact(tx, {
        familyId: family.id,
        tripId: trip.id,
        role: "companion",
        contact: { name: options.input.name, phone, locale: options.input.locale, channel: "sms", relationship: "other" },
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? new AppError("conflict", "trip.alreadyOnTrip", { field: "phone" }) : error;
  }
}

/** Takes the desk or a companion off a trip (a contact kept only for trips goes too). */
export async function removeTripContact(options: Scope & { tripId: string; tripContactId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const trip = await requireTrip(options, family);
  const id = requireUuid(options.tripContactId, "trip.notFound");
  await db.$transaction(async (tx) => {
    const link = await tx.tripContact.findFirst({ where: { id, tripId: trip.id, familyId: family.id } });
    if (!link) throw new AppError("not_found", "trip.notFound");
    await tx.tripContact.delete({ where: { id: link.id } });
    await dropOrphanTripContacts(tx, family.id, [link.contactId]);
  });
}

/** What became of a trip's warning: when it will go, or that it went, or that STOP kept it back. */
export type TripWarningState = { state: "scheduled"; at: Date } | { state: "sent"; at: Date } | { state: "optedOut" } | { state: "none" };

/** A person's trips that are not over, soonest first, with their desk, companions and warning. */
export async function listTrips(options: Scope & { personId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const personId = requireUuid(options.personId, "person.notFound");
  const now = options.now ?? new Date();
  const trips = await db.trip.findMany({
    where: { familyId: membership.familyId, personId, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    include: tripInclude,
  });
  const messageIds = trips.flatMap((trip) => (trip.warningMessageId ? [trip.warningMessageId] : []));
  const messages = await db.outboundMessage.findMany({
    where: { id: { in: messageIds }, familyId: membership.familyId },
    select: { id: true, errorCode: true },
  });
  return trips.map((trip) => {
    const message = messages.find((entry) => entry.id === trip.warningMessageId);
    const scheduled = warningRunAt(trip, now);
    const warning: TripWarningState = trip.warningQueuedAt
      ? message?.errorCode === "opted_out"
        ? { state: "optedOut" }
        : { state: "sent", at: trip.warningQueuedAt }
      : scheduled
        ? { state: "scheduled", at: scheduled }
        : { state: "none" };
    return { ...trip, status: tripStatus(trip, now), warning };
  });
}

/** Every trip of the family that is not over (for the plan, its card and its completeness). */
export async function listFamilyTrips(familyId: string, now: Date) {
  return db.trip.findMany({ where: { familyId, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, include: tripInclude });
}

/**
 * The contacts of each person's trips under way at `at`: tier 1 of that person for an incident
 * (lib/server/incidents/run-step.ts), the desk first. Scoped by family through the people asked.
 */
export async function activeTripContacts(tx: Transaction, options: { familyId: string; personIds: string[]; at: Date }) {
  const links = await tx.tripContact.findMany({
    where: {
      familyId: options.familyId,
      trip: { personId: { in: options.personIds }, startsAt: { lte: options.at }, endsAt: { gt: options.at } },
    },
    include: { contact: true, trip: { select: { personId: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  const byPerson = new Map<string, { contact: (typeof links)[number]["contact"]; role: TripContactRole }[]>();
  for (const link of links) {
    const entries = byPerson.get(link.trip.personId) ?? [];
    entries.push({ contact: link.contact, role: link.role });
    byPerson.set(link.trip.personId, entries);
  }
  return byPerson;
}
