import "server-only";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { latestExposureChecks } from "@/lib/server/exposure/exposure-checks";
import { getSecretWordsStatus } from "@/lib/server/secret-words/secret-words";
import { listFamilyTrips } from "@/lib/server/travel/trips";
import { tripStatus } from "@/lib/travel/trip-dates";

export const setupSteps = ["family", "people", "words", "contacts", "review"] as const;
export type SetupStep = (typeof setupSteps)[number];

/** The whole plan with what is missing, for the overview, the setup wizard and the card. */
export async function getPlanOverview(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const now = options.now ?? new Date();
  const [people, words, trips, exposure] = await Promise.all([
    db.person.findMany({
      where: { familyId: membership.familyId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { contacts: { include: { contact: true }, orderBy: [{ tier: "asc" }, { position: "asc" }] } },
    }),
    getSecretWordsStatus(options),
    listFamilyTrips(membership.familyId, now),
    latestExposureChecks(membership.familyId, now),
  ]);
  const peopleWithStatus = people.map((person) => {
    const personTrips = trips
      .filter((trip) => trip.personId === person.id)
      .map((trip) => ({ ...trip, status: tripStatus(trip, now), hasDesk: trip.contacts.some((entry) => entry.role === "desk") }));
    return {
      ...person,
      missingTier1: !person.contacts.some((entry) => entry.tier === 1),
      trips: personTrips,
      exposure: exposure.get(person.id) ?? null,
    };
  });
  // What the plan counts (decision 016): the words; per person a tier-1 contact and a current
  // exposure check; per trip not over, its front desk's number.
  const checks = [
    words !== null,
    ...peopleWithStatus.flatMap((person) => [
      !person.missingTier1,
      person.exposure !== null && !person.exposure.due,
      ...person.trips.map((trip) => trip.hasDesk),
    ]),
  ];
  const completeness = { done: checks.filter(Boolean).length, total: checks.length };
  const stepDone: Record<SetupStep, boolean> = {
    family: true,
    people: people.length > 0,
    words: words !== null,
    contacts: people.length > 0 && peopleWithStatus.every((person) => !person.missingTier1),
    review: membership.family.setupCompletedAt !== null,
  };
  return {
    family: membership.family,
    role: membership.role,
    people: peopleWithStatus,
    words,
    stepDone,
    completeness,
    /** People whose exposure check is missing or older than six months (the plan reminds the adults). */
    exposureDue: peopleWithStatus
      .filter((person) => person.exposure === null || person.exposure.due)
      .map((person) => ({ id: person.id, name: person.name, never: person.exposure === null })),
    complete: stepDone.people && stepDone.words && stepDone.contacts,
    nextStep: setupSteps.find((step) => !stepDone[step]) ?? null,
  };
}
