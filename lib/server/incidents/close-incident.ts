import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { renderSms } from "@/lib/messaging/templates";
import { requireMembership } from "@/lib/server/family/require-membership";
import { sendSms } from "@/lib/server/messaging/send-message";
import { requireUuid } from "@/lib/server/plan/scoped";
import { appendIncidentEvent } from "./events";
import { cancelSteps } from "./schedule";

export const outcomes = ["confirmed_safe", "danger", "false_alarm", "no_answer"] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * Ends an incident with its outcome, once: of two adults closing it at the same moment, one
 * wins and the other is told. Timers stop. When the person is confirmed safe, everyone pinged
 * and every adult with a number get an all-clear, and the person is told it was a scam.
 */
export async function closeIncident(options: { incidentId: string; outcome: Outcome; closedById: string | null }) {
  const closed = await db.incident.updateMany({
    where: { id: options.incidentId, status: "open" },
    data: { status: "closed", outcome: options.outcome, closedAt: new Date(), closedById: options.closedById },
  });
  if (closed.count === 0) throw new AppError("conflict", "incident.alreadyClosed");
  await cancelSteps(options.incidentId);
  await appendIncidentEvent({ incidentId: options.incidentId, type: "closed", data: { outcome: options.outcome, by: options.closedById ? "adult" : "automatic" } });
  if (options.outcome === "confirmed_safe") await sendAllClear(options.incidentId);
}

async function sendAllClear(incidentId: string) {
  const incident = await db.incident.findUniqueOrThrow({
    where: { id: incidentId },
    include: { family: { include: { memberships: { where: { phone: { not: null } } } } }, claimedPerson: true, checkIns: true },
  });
  const family = incident.family;
  // When the caller did not say who, the all-clear names whoever confirmed.
  const confirmedBy = incident.checkIns.find((checkIn) => checkIn.verdict === "safe" && checkIn.personId);
  const person = incident.claimedPerson ?? (confirmedBy ? await db.person.findUnique({ where: { id: confirmedBy.personId! } }) : null);
  const name = person?.name.split(" ")[0] ?? "";
  const personPhones = new Set((await db.person.findMany({ where: { familyId: family.id }, select: { phone: true } })).map((row) => row.phone));
  const recipients = new Map<string, string>(); // phone → locale
  for (const checkIn of incident.checkIns) if (!personPhones.has(checkIn.phone)) recipients.set(checkIn.phone, family.locale);
  for (const membership of family.memberships) recipients.set(membership.phone!, family.locale);
  const drill = { drill: incident.drill };

  await Promise.all([
    ...[...recipients.keys()].map((phone) =>
      sendSms({ familyId: family.id, to: phone, locale: family.locale, purpose: "incident_all_clear", ...renderSms(family.locale, "allClear", { family: family.name, name }, drill) }),
    ),
    ...incident.checkIns
      .filter((checkIn) => checkIn.personId && checkIn.wave === 0)
      .map(async (checkIn) => {
        const target = await db.person.findUnique({ where: { id: checkIn.personId! } });
        if (!target) return;
        await sendSms({ familyId: family.id, to: target.phone, locale: target.locale, purpose: "incident_scam_notice", ...renderSms(target.locale, "scamNotice", {}, drill) });
      }),
  ]);
  await appendIncidentEvent({ incidentId, type: "all_clear_sent", data: { count: recipients.size } });
}

/** Closing from the checklist screen, by an adult of the family. */
export async function closeIncidentByAdult(options: { familyId: string; userId: string; incidentId: string; outcome: Outcome }) {
  const { family } = await requireMembership(options);
  const incidentId = requireUuid(options.incidentId, "incident.notFound");
  if (!(await db.incident.count({ where: { id: incidentId, familyId: family.id } }))) throw new AppError("not_found", "incident.notFound");
  await closeIncident({ incidentId, outcome: options.outcome, closedById: options.userId });
}
