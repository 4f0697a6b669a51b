import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { renderSms } from "@/lib/messaging/templates";
import { queueMessage } from "@/lib/server/messaging/send-message";
import { consumeAttemptIn } from "@/lib/server/rate-limit/consume-attempt";
import { exposureCheckDue, exposureLevel, exposureNextSteps, type ExposureAnswers, type ExposureQuestion } from "@/lib/travel/exposure";
import type { ExposureInput } from "@/lib/validation/travel";

/**
 * Records one exposure check of a person (owners and admins): the four answers and when, nothing
 * else (no account names, no passwords). Nothing is sent to the person unless the family asks
 * (sendExposureTips).
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

/** The counter of tips sent to a person (erased with the family: lib/server/family/erase-family.ts). */
export const exposureTipsKey = (familyId: string, personId: string) => `exposure-tips:${familyId}:${personId}`;

/** How often a person may be texted the tips: once a day, however often the family asks. */
const TIPS_WINDOW_SECONDS = 24 * 3600;

/**
 * Texts a person the next steps of their latest exposure check, when an owner or admin asks (it
 * is never sent on its own): the steps only, never the answers or an account, discreet, in the
 * person's language, through the outbox (a number that texted STOP gets nothing), once a day.
 */
export async function sendExposureTips(options: { familyId: string; userId: string; personId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const personId = requireUuid(options.personId, "person.notFound");
  const person = await db.person.findFirst({
    where: { id: personId, familyId: family.id },
    select: { id: true, name: true, phone: true, locale: true },
  });
  if (!person) throw new AppError("not_found", "person.notFound");
  const check = await db.exposureCheck.findFirst({ where: { familyId: family.id, personId }, orderBy: { checkedAt: "desc" } });
  if (!check) throw new AppError("conflict", "exposure.checkFirst");
  const steps = new Set(exposureNextSteps(check).map((step) => step.question));
  const flag = (question: ExposureQuestion) => (steps.has(question) ? "yes" : "no");
  return db.$transaction(async (tx) => {
    const allowed = await consumeAttemptIn(tx, { key: exposureTipsKey(family.id, personId), limit: 1, windowSeconds: TIPS_WINDOW_SECONDS });
    if (!allowed.allowed) throw new AppError("rate_limited", "exposure.tipsSentToday");
    const { body } = renderSms(person.locale, "exposureTips", {
      phone: flag("phoneVisible"),
      profiles: flag("profilesPublic"),
      trips: flag("tripsPostedLive"),
      places: flag("placesPublic"),
    });
    const message = await queueMessage(tx, {
      familyId: family.id,
      channel: "sms",
      to: person.phone,
      locale: person.locale,
      purpose: "exposure_tips",
      body,
    });
    return { message, name: person.name };
  });
}
