import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { renderSms } from "@/lib/messaging/templates";
import { requireMembership } from "@/lib/server/family/require-membership";
import { sendSms } from "@/lib/server/messaging/send-message";
import { requireUuid } from "@/lib/server/plan/scoped";
import { appendIncidentEvent } from "./events";
import { runIncidentStep } from "./run-step";
import { escalationSteps, scheduleSteps, stepDelaySeconds } from "./schedule";

/**
 * Starts a live verification. The check-in SMS to the claimed person (or, when the caller did
 * not say who, to everyone protected) is sent before anything else; the escalation steps are
 * then scheduled in PostgreSQL. Any adult of the family may start one.
 */
export async function startIncident(options: { familyId: string; userId: string; personId: string | null; drill?: boolean }) {
  const { family } = await requireMembership(options);
  const personId = options.personId ? requireUuid(options.personId, "person.notFound") : null;
  const targets = await db.person.findMany({ where: { familyId: family.id, ...(personId ? { id: personId } : {}) }, orderBy: { position: "asc" } });
  if (personId && targets.length === 0) throw new AppError("not_found", "person.notFound");
  if (targets.length === 0) throw new AppError("invalid_input", "incident.noPeople");

  const incident = await db.incident.create({
    data: { familyId: family.id, startedById: options.userId, claimedPersonId: personId, drill: options.drill ?? false },
  });
  const pings = await Promise.all(
    targets.map(async (person) => {
      const checkIn = await db.checkIn.create({
        data: { familyId: family.id, kind: "incident", incidentId: incident.id, wave: 0, personId: person.id, phone: person.phone, channel: "sms" },
      });
      const message = await sendSms({
        familyId: family.id,
        to: person.phone,
        locale: person.locale,
        purpose: "incident_check_in",
        ...renderSms(person.locale, "incidentCheckIn", {}, { drill: incident.drill }),
      });
      await db.checkIn.update({ where: { id: checkIn.id }, data: { messageId: message.id } });
      return { person, message };
    }),
  );

  await appendIncidentEvent({ incidentId: incident.id, type: "started", data: { personId, drill: incident.drill } });
  for (const { person, message } of pings) {
    await appendIncidentEvent({ incidentId: incident.id, type: "ping_sent", data: { name: person.name, channel: "sms", status: message.status } });
  }
  // The provider refused the text outright (or the number opted out): call now instead.
  if (pings.some(({ message }) => message.status === "failed")) await runIncidentStep({ incidentId: incident.id, step: "call" });
  await scheduleSteps({
    incidentId: incident.id,
    steps: escalationSteps.map((step) => ({ step, runAt: new Date(incident.startedAt.getTime() + stepDelaySeconds(family, step) * 1000) })),
  });
  return incident;
}
