import "server-only";
import { db } from "@/lib/db";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { renderMessage, renderSms } from "@/lib/messaging/templates";
import { sendSms, startCall } from "@/lib/server/messaging/send-message";
import { appendIncidentEvent } from "./events";
import { stepWave, type EscalationStep } from "./schedule";

type Ping = { phone: string; locale: Locale; channel: Channel; personId?: string; contactId?: string; body: string };

/** Who a step reaches: the person (by call), or the contacts of a tier of the person's tree. */
async function pingsFor(incident: { familyId: string; claimedPersonId: string | null; drill: boolean }, step: EscalationStep, familyName: string): Promise<Ping[]> {
  const people = await db.person.findMany({
    where: { familyId: incident.familyId, ...(incident.claimedPersonId ? { id: incident.claimedPersonId } : {}) },
    include: { contacts: { include: { contact: true }, orderBy: { position: "asc" } } },
  });
  if (step === "call") {
    return people.map((person) => ({ phone: person.phone, locale: person.locale, channel: "voice", personId: person.id, body: renderMessage(person.locale, "incidentCall") }));
  }
  const tier = stepWave[step] - 1;
  const seen = new Set<string>();
  const pings: Ping[] = [];
  for (const person of people) {
    for (const { contact } of person.contacts.filter((entry) => entry.tier === tier)) {
      if (seen.has(contact.id)) continue;
      seen.add(contact.id);
      const values = { name: person.name.split(" ")[0] ?? person.name, family: familyName };
      const body =
        contact.channel === "voice"
          ? renderMessage(contact.locale, "contactAskCall", values)
          : renderSms(contact.locale, "contactAsk", values, { drill: incident.drill }).body;
      pings.push({ phone: contact.phone, locale: contact.locale, channel: contact.channel, contactId: contact.id, body });
    }
  }
  return pings;
}

/**
 * Runs one escalation step, once: the check-ins of a step are created under a lock, so a timer
 * that fires after a restart, or a wave sent by hand at the same moment, finds them and stops.
 */
export async function runIncidentStep(options: { incidentId: string; step: EscalationStep; manual?: boolean }) {
  const incident = await db.incident.findUnique({ where: { id: options.incidentId }, include: { family: { select: { name: true } } } });
  if (!incident || incident.status !== "open" || (incident.paused && !options.manual)) return [];
  const wave = stepWave[options.step];
  // Fast path for a step that already ran; the lock below is what decides under a race.
  if (await db.checkIn.count({ where: { incidentId: incident.id, wave } })) return [];
  const pings = await pingsFor(incident, options.step, incident.family.name);

  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${incident.id}:${wave}`}))`;
    if ((await tx.checkIn.count({ where: { incidentId: incident.id, wave } })) > 0) return null;
    return Promise.all(
      pings.map((ping) =>
        tx.checkIn.create({
          data: { familyId: incident.familyId, kind: "incident", incidentId: incident.id, wave, personId: ping.personId, contactId: ping.contactId, phone: ping.phone, channel: ping.channel },
        }),
      ),
    );
  });
  if (!created) return [];

  await appendIncidentEvent({ incidentId: incident.id, type: "wave_started", data: { step: options.step, count: pings.length, manual: options.manual ?? false } });
  await Promise.all(
    created.map(async (checkIn, index) => {
      const ping = pings[index]!;
      const outgoing = { familyId: incident.familyId, to: ping.phone, locale: ping.locale, purpose: `incident_${options.step}`, body: ping.body };
      const message = ping.channel === "voice" ? await startCall(outgoing) : await sendSms({ ...outgoing });
      await db.checkIn.update({ where: { id: checkIn.id }, data: { messageId: message.id } });
    }),
  );
  return created;
}
