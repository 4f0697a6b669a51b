import "server-only";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { getSecretWordsStatus } from "@/lib/server/secret-words/secret-words";

export const setupSteps = ["family", "people", "words", "contacts", "review"] as const;
export type SetupStep = (typeof setupSteps)[number];

/** The whole plan with what is missing, for the overview, the setup wizard and the card. */
export async function getPlanOverview(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const [people, words] = await Promise.all([
    db.person.findMany({
      where: { familyId: membership.familyId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { contacts: { include: { contact: true }, orderBy: [{ tier: "asc" }, { position: "asc" }] } },
    }),
    getSecretWordsStatus(options),
  ]);
  const peopleWithStatus = people.map((person) => ({ ...person, missingTier1: !person.contacts.some((entry) => entry.tier === 1) }));
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
    complete: stepDone.people && stepDone.words && stepDone.contacts,
    nextStep: setupSteps.find((step) => !stepDone[step]) ?? null,
  };
}
