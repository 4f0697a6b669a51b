import "server-only";
import { AppError } from "@/lib/app-error";
import { reportIncidentCallersIn } from "@/lib/server/callers/incident-callers";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireMembership } from "@/lib/server/family/require-membership";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { appendIncidentEvent } from "./events";
import { familyAdults, queueNotice } from "./notify";
import { cancelSteps } from "./schedule";
import type { IncidentOutcome } from "@/lib/generated/prisma/enums";

export type Outcome = IncidentOutcome;

type Transaction = Prisma.TransactionClient;

/**
 * Ends an open incident with its outcome, inside the caller's transaction (which holds the
 * incident's row lock): its people are released, its timers cancelled, and everyone who was
 * asked hears how it ended. Once anyone answered with the duress word, only "danger" can end it:
 * nothing closes it as safe or sends an all-clear.
 */
export async function closeIncidentIn(
  tx: Transaction,
  options: { incidentId: string; outcome: Outcome; closedById: string | null; drillEnded?: boolean },
) {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: options.incidentId },
    include: { family: true, people: { include: { person: true } }, checkIns: { include: { contact: true, person: true } } },
  });
  if (incident.status !== "open") throw new AppError("conflict", "incident.alreadyClosed");
  if (options.outcome !== "danger" && incident.people.some((entry) => entry.state === "in_danger"))
    throw new AppError("conflict", "incident.inDanger");

  await tx.incident.update({
    where: { id: incident.id },
    data: { status: "closed", outcome: options.outcome, closedAt: new Date(), closedById: options.closedById },
  });
  await tx.incidentPerson.updateMany({ where: { incidentId: incident.id }, data: { openPersonId: null } });
  await cancelSteps(tx, incident.id);
  await appendIncidentEvent({
    client: tx,
    incidentId: incident.id,
    type: "closed",
    data: { outcome: options.outcome, by: options.closedById ? "adult" : "automatic", drillEnded: options.drillEnded ?? false },
  });
  // A scam that ended: the caller's number and payment identifiers count as the family's report.
  await reportIncidentCallersIn(tx, incident.id);
  if (options.outcome === "danger") return;

  const drill = incident.drill;
  const family = incident.family;
  const claimed = new Set(incident.people.map((entry) => entry.person.phone));
  const names = incident.people.map((entry) => entry.person.name.split(" ")[0] ?? entry.person.name).join(", ");
  const reached = new Set<string>();
  const messageIds: string[] = [];
  const notify = async (recipient: { phone: string; locale: "es" | "en"; channel: "sms" | "voice" }, kind: "allClear" | "standDown") => {
    if (reached.has(recipient.phone)) return;
    reached.add(recipient.phone);
    const message = await queueNotice(tx, {
      familyId: family.id,
      recipient,
      purpose: kind === "allClear" ? "incident_all_clear" : "incident_stand_down",
      sms: kind,
      voice: kind === "allClear" ? "allClearCall" : "standDownCall",
      values: { family: family.name, name: names },
      drill,
    });
    messageIds.push(message.id);
  };
  const safe = options.outcome === "confirmed_safe";
  // A claimed person who answered anything hears nothing from a closing, whatever the outcome:
  // their phone must not tell a safe word that went unanswered (past the budget, in a sentence)
  // from a duress word (decision 005). One who never answered was asked too, and is told.
  const answered = new Set(incident.checkIns.filter((checkIn) => !checkIn.contactId && checkIn.repliedAt).map((checkIn) => checkIn.phone));
  for (const entry of incident.people) {
    if (
      !answered.has(entry.person.phone) &&
      incident.checkIns.some((checkIn) => !checkIn.contactId && checkIn.phone === entry.person.phone)
    ) {
      await notify({ phone: entry.person.phone, locale: entry.person.locale, channel: "sms" }, safe ? "allClear" : "standDown");
    }
  }
  for (const checkIn of incident.checkIns) {
    if (checkIn.contact && !claimed.has(checkIn.phone)) {
      await notify(
        { phone: checkIn.contact.phone, locale: checkIn.contact.locale, channel: checkIn.contact.channel },
        safe ? "allClear" : "standDown",
      );
    }
  }
  for (const adult of await familyAdults(tx, family.id))
    if (!claimed.has(adult.phone)) await notify(adult, safe ? "allClear" : "standDown");
  // The messages themselves are named, so that the report counts what was really queued and sent.
  await appendIncidentEvent({
    client: tx,
    incidentId: incident.id,
    type: safe ? "all_clear_sent" : "stand_down_sent",
    data: { count: messageIds.length, messageIds },
  });
}

/** Closing from the checklist screen, by an adult of the family. */
export async function closeIncidentByAdult(options: { familyId: string; userId: string; incidentId: string; outcome: Outcome }) {
  const { family } = await requireMembership(options);
  const incidentId = requireUuid(options.incidentId, "incident.notFound");
  await workerUtils();
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM incident WHERE id = ${incidentId}::uuid AND "familyId" = ${family.id}::uuid FOR NO KEY UPDATE`;
    if (!locked) throw new AppError("not_found", "incident.notFound");
    await closeIncidentIn(tx, { incidentId, outcome: options.outcome, closedById: options.userId });
  });
}
