import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { exposureCheckDue, exposureLevel, exposureNextSteps, type ExposureAnswers } from "@/lib/travel/exposure";
import type { ExposureInput } from "@/lib/validation/travel";

/**
 * Records one exposure check of a person (owners and admins): the four answers and when, nothing
 * else (no account names, no passwords), and nothing is sent to the person.
 */
export async function saveExposureCheck(options: { familyId: string; userId: string; personId: string; input: ExposureInput; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const personId = requireUuid(options.personId, "person.notFound");
  const person = await db.person.findFirst({ where: { id: personId, familyId: family.id }, select: { id: true } });
  if (!person) throw new AppError("not_found", "person.notFound");
  const { profilesPublic, phoneVisible, tripsPostedLive, placesPublic } = options.input;
  return db.exposureCheck.create({
    data: {
      familyId: family.id,
      personId,
      profilesPublic,
      phoneVisible,
      tripsPostedLive,
      placesPublic,
      ...(options.now ? { checkedAt: options.now } : {}),
    },
  });
}

export type ExposureSummary = {
  answers: ExposureAnswers;
  checkedAt: Date;
  level: ReturnType<typeof exposureLevel>;
  nextSteps: ReturnType<typeof exposureNextSteps>;
  due: boolean;
};

function summarize(row: ExposureAnswers & { checkedAt: Date }, now: Date): ExposureSummary {
  const answers: ExposureAnswers = {
    profilesPublic: row.profilesPublic,
    phoneVisible: row.phoneVisible,
    tripsPostedLive: row.tripsPostedLive,
    placesPublic: row.placesPublic,
  };
  return {
    answers,
    checkedAt: row.checkedAt,
    level: exposureLevel(answers),
    nextSteps: exposureNextSteps(answers),
    due: exposureCheckDue(row.checkedAt, now),
  };
}

/** The latest check of each person of the family, with its level, next steps and whether it is due again. */
export async function latestExposureChecks(familyId: string, now: Date): Promise<Map<string, ExposureSummary>> {
  const rows = await db.exposureCheck.findMany({
    where: { familyId },
    distinct: ["personId"],
    orderBy: [{ personId: "asc" }, { checkedAt: "desc" }],
  });
  return new Map(rows.map((row) => [row.personId, summarize(row, now)]));
}

/** A person's latest check (any adult of the family), or null when never done. */
export async function getExposureCheck(options: {
  familyId: string;
  userId: string;
  personId: string;
  now?: Date;
}): Promise<ExposureSummary | null> {
  const membership = await requireMembership(options);
  const personId = requireUuid(options.personId, "person.notFound");
  const row = await db.exposureCheck.findFirst({ where: { familyId: membership.familyId, personId }, orderBy: { checkedAt: "desc" } });
  return row && summarize(row, options.now ?? new Date());
}
