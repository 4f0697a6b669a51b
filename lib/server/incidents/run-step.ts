import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { renderSms } from "@/lib/messaging/templates";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { queueMessage } from "@/lib/server/messaging/send-message";
import { activeTripContacts } from "@/lib/server/travel/trips";
import { appendIncidentEvent } from "./events";
import { renderVoice } from "./notify";
import { stepWave, type EscalationStep } from "./schedule";

type Transaction = Prisma.TransactionClient;
type Ping = { phone: string; locale: Locale; channel: Channel; personId: string; contactId?: string; body: string };

/**
 * Who a step reaches. The call goes to each claimed person who has not answered with a word
 * (after either word their phone gets nothing more); a tier goes to the contacts of each person
 * not yet confirmed safe, each contact once, asked about the first person they vouch for.
 */
async function pingsFor(
  tx: Transaction,
  incident: { id: string; familyId: string; drill: boolean; startedAt: Date; family: { name: string } },
  step: EscalationStep,
): Promise<Ping[]> {
  const people = await tx.incidentPerson.findMany({
    where: { incidentId: incident.id },
    include: { person: { include: { contacts: { include: { contact: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] } } } },
    orderBy: { person: { position: "asc" } },
  });
  if (step === "call") {
    return people
      .filter((entry) => !entry.wordAnsweredAt && entry.state !== "confirmed_safe")
      .map(({ person }) => ({
        phone: person.phone,
        locale: person.locale,
        channel: "voice",
        personId: person.id,
        body: renderVoice(person.locale, "incidentCall", {}, incident.drill),
      }));
  }
  const tier = stepWave[step] - 1;
  // During a trip, its desk and companions are tier 1 of the traveller (decision 016), asked once.
  const travel = await activeTripContacts(tx, {
    familyId: incident.familyId,
    personIds: people.map((entry) => entry.personId),
    at: incident.startedAt,
  });
  const seen = new Set<string>();
  const pings: Ping[] = [];
  for (const { person, state } of people) {
    if (state === "confirmed_safe") continue;
    // A drill never calls a hotel: its front desk is not part of the family's practice.
    const trip = (travel.get(person.id) ?? []).filter((entry) => !(incident.drill && entry.role === "desk"));
    const tree = person.contacts.filter((entry) => !trip.some((travelling) => travelling.contact.id === entry.contactId));
    for (const { contact, role } of [
      ...(tier === 1 ? trip : []),
      ...tree.filter((entry) => entry.tier === tier).map((entry) => ({ ...entry, role: null })),
    ]) {
      if (seen.has(contact.id)) continue;
      seen.add(contact.id);
      // A front desk looks the guest up by their full name.
      const values = { name: role === "desk" ? person.name : (person.name.split(" ")[0] ?? person.name), family: incident.family.name };
      const voice = role === "desk" ? "deskAskCall" : "contactAskCall";
      const body =
        contact.channel === "voice"
          ? renderVoice(contact.locale, voice, values, incident.drill)
          : renderSms(contact.locale, "contactAsk", values, { drill: incident.drill }).body;
      pings.push({
        phone: contact.phone,
        locale: contact.locale,
        channel: contact.channel,
        personId: person.id,
        contactId: contact.id,
        body,
      });
    }
  }
  return pings;
}

/**
 * Runs one escalation step, once, in the caller's transaction: under the incident's row lock the
 * step is marked done and its check-ins, their messages and the jobs that send them are committed
 * together, so a timer firing after a restart, or a wave sent by hand at the same moment, finds
 * it done, and a crash loses none of it. Returns how many were asked (0 for an empty tier).
 */
export async function runIncidentStepIn(
  tx: Transaction,
  options: { incidentId: string; step: EscalationStep; manual?: boolean },
): Promise<number | null> {
  await tx.$queryRaw`SELECT id FROM incident WHERE id = ${options.incidentId}::uuid FOR NO KEY UPDATE`;
  const incident = await tx.incident.findUnique({ where: { id: options.incidentId }, include: { family: { select: { name: true } } } });
  if (!incident || incident.status !== "open" || (incident.paused && !options.manual)) return null;
  if (incident.stepsDone.includes(options.step)) return null;
  const pings = await pingsFor(tx, incident, options.step);
  await tx.incident.update({ where: { id: incident.id }, data: { stepsDone: { push: options.step } } });
  const wave = stepWave[options.step];
  for (const ping of pings) {
    const message = await queueMessage(tx, {
      familyId: incident.familyId,
      channel: ping.channel,
      to: ping.phone,
      locale: ping.locale,
      purpose: `incident_${options.step}`,
      body: ping.body,
    });
    await tx.checkIn.create({
      data: {
        familyId: incident.familyId,
        kind: "incident",
        incidentId: incident.id,
        wave,
        personId: ping.personId,
        contactId: ping.contactId,
        phone: ping.phone,
        channel: ping.channel,
        messageId: message.id,
      },
    });
  }
  await appendIncidentEvent({
    client: tx,
    incidentId: incident.id,
    type: "wave_started",
    data: { step: options.step, count: pings.length, manual: options.manual ?? false },
  });
  return pings.length;
}

export async function runIncidentStep(options: { incidentId: string; step: EscalationStep; manual?: boolean }) {
  await workerUtils();
  return db.$transaction((tx) => runIncidentStepIn(tx, options));
}
