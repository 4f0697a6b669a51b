import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Family, Person } from "@/lib/generated/prisma/client";
import { renderSms } from "@/lib/messaging/templates";
import { requireMembership } from "@/lib/server/family/require-membership";
import { faultPoint } from "@/lib/server/fault-point";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { queueMessage } from "@/lib/server/messaging/send-message";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { closeIncidentIn } from "./close-incident";
import { appendIncidentEvent } from "./events";
import { escalationSteps, scheduleSteps, stepDelaySeconds } from "./schedule";

export type StartedIncident = { incident: { id: string }; alreadyOpen: boolean };

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === "P2002" || code === "23505" || /unique constraint/i.test(String((error as Error).message));
};

/**
 * Starts a live verification for the claimed person (or, when the caller did not say who, for
 * everyone protected): the incident, its people, the first texts and every timer commit in one
 * transaction, and the tap returns then, whatever the provider is doing (the outbox sends).
 * A person already under verification is never verified twice: the open incident is returned,
 * for two taps at once as for two adults.
 */
export async function startIncident(options: {
  familyId: string;
  userId: string;
  personId: string | null;
  drill?: boolean;
}): Promise<StartedIncident> {
  const { family } = await requireMembership(options);
  const personId = options.personId ? requireUuid(options.personId, "person.notFound") : null;
  const targets = await db.person.findMany({
    where: { familyId: family.id, ...(personId ? { id: personId } : {}) },
    orderBy: { position: "asc" },
  });
  if (personId && targets.length === 0) throw new AppError("not_found", "person.notFound");
  if (targets.length === 0) throw new AppError("invalid_input", "incident.noPeople");
  await workerUtils();

  const drill = options.drill ?? false;
  // Two taps at once (one for a person, one for everyone) race on the people: the loser tries
  // again with whoever is still free, so nobody is left out.
  for (let attempt = 0; ; attempt++) {
    // A real call ends a forgotten drill (its messages must not say "drill" while it is real),
    // also one started a moment ago, which makes this attempt fail and the next one end it.
    if (!drill) await endOpenDrills({ familyId: family.id, personIds: targets.map((person) => person.id), userId: options.userId });
    try {
      return await startForFreePeople({ family, userId: options.userId, personId, targets, drill });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function startForFreePeople(options: {
  family: Family;
  userId: string;
  personId: string | null;
  targets: Person[];
  drill: boolean;
}): Promise<StartedIncident> {
  const { family, targets, drill, personId } = options;
  // People already under verification stay in their incident; so do people who answered with a
  // word minutes ago (their phone must not get a new question after the safe word when it would
  // not after the duress word). The others get this one.
  const held = await heldPeople(
    family.id,
    targets.map((person) => person.id),
    drill,
  );
  const free = targets.filter((person) => !held.has(person.id));
  if (free.length === 0)
    return { incident: await db.incident.findUniqueOrThrow({ where: { id: held.get(targets[0]!.id)! } }), alreadyOpen: true };
  const incident = await db.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: { familyId: family.id, startedById: options.userId, claimedPersonId: personId, drill },
    });
    await tx.incidentPerson.createMany({
      data: free.map((person) => ({ incidentId: incident.id, personId: person.id, familyId: family.id, openPersonId: person.id })),
    });
    await appendIncidentEvent({
      client: tx,
      incidentId: incident.id,
      type: "started",
      data: { personId, drill: incident.drill, alreadyVerified: targets.length - free.length },
    });
    let textFailed = false;
    for (const person of free) {
      const text = renderSms(person.locale, "incidentCheckIn", {}, { drill: incident.drill });
      const message = await queueMessage(tx, {
        familyId: family.id,
        channel: "sms",
        to: person.phone,
        locale: person.locale,
        purpose: "incident_check_in",
        body: text.body,
      });
      await tx.checkIn.create({
        data: {
          familyId: family.id,
          kind: "incident",
          incidentId: incident.id,
          wave: 0,
          personId: person.id,
          phone: person.phone,
          channel: "sms",
          messageId: message.id,
        },
      });
      await appendIncidentEvent({
        client: tx,
        incidentId: incident.id,
        type: "ping_sent",
        data: { name: person.name, channel: "sms", status: message.status },
      });
      textFailed ||= message.status === "failed";
    }
    // A text that cannot go (the number opted out) is followed by the call at once.
    await scheduleSteps(tx, {
      incidentId: incident.id,
      steps: escalationSteps.map((step) => ({
        step,
        runAt:
          step === "call" && textFailed
            ? incident.startedAt
            : new Date(incident.startedAt.getTime() + stepDelaySeconds(family, step) * 1000),
      })),
    });
    return incident;
  });
  faultPoint("incident-committed");
  return { incident, alreadyOpen: false };
}

/** Minutes after a word answer during which a new tap opens that incident instead of asking again. */
export const RECENT_WORD_ANSWER_MS = 10 * 60_000;

async function heldPeople(familyId: string, personIds: string[], drill: boolean) {
  const rows = await db.incidentPerson.findMany({
    where: {
      familyId,
      personId: { in: personIds },
      // An open drill never holds anyone for a real call.
      OR: [
        { openPersonId: { not: null }, ...(drill ? {} : { incident: { drill: false } }) },
        { wordAnsweredAt: { gt: new Date(Date.now() - RECENT_WORD_ANSWER_MS) }, incident: { drill } },
      ],
    },
    select: { personId: true, incidentId: true, openPersonId: true },
    orderBy: { updatedAt: "desc" },
  });
  // An open incident first; else the latest answered one.
  const held = new Map<string, string>();
  for (const row of rows) if (row.openPersonId) held.set(row.personId, row.incidentId);
  for (const row of rows) if (!held.has(row.personId)) held.set(row.personId, row.incidentId);
  return held;
}

/** Ends, as a finished drill, every open drill that holds one of these people. */
async function endOpenDrills(options: { familyId: string; personIds: string[]; userId: string }) {
  const drills = await db.incident.findMany({
    where: { familyId: options.familyId, status: "open", drill: true, people: { some: { openPersonId: { in: options.personIds } } } },
    select: { id: true },
  });
  for (const { id } of drills) {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM incident WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
      const current = await tx.incident.findUniqueOrThrow({ where: { id }, select: { status: true, people: { select: { state: true } } } });
      // A drill someone answered with the duress word can only end as danger (which sends nothing).
      const outcome = current.people.some((entry) => entry.state === "in_danger") ? "danger" : "false_alarm";
      if (current.status === "open") await closeIncidentIn(tx, { incidentId: id, outcome, closedById: options.userId, drillEnded: true });
    });
  }
}
