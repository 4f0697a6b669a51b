import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderSms } from "@/lib/messaging/templates";
import { queueMessage } from "@/lib/server/messaging/send-message";
import { warningRunAt } from "@/lib/travel/trip-dates";

type Transaction = Prisma.TransactionClient;

/** The job that queues a traveller's warning: one per trip, keyed by the trip. */
export const TRIP_WARNING_TASK = "trip_warning";
export const tripWarningJobKey = (tripId: string) => `trip-warning:${tripId}`;

/**
 * (Re)schedules the trip's warning in the caller's transaction: the evening before it starts, or
 * at once when that has passed. Scheduling again replaces the job (same key); a warning already
 * queued is never scheduled again, and a trip that is over gets none.
 */
export async function scheduleTripWarning(
  tx: Transaction,
  trip: { id: string; startsOn: Date; timeZone: string; endsAt: Date; warningQueuedAt: Date | null },
  now = new Date(),
) {
  if (trip.warningQueuedAt) return;
  const runAt = warningRunAt(trip, now);
  if (!runAt) return cancelTripWarning(tx, trip.id);
  await tx.$executeRaw`SELECT graphile_worker.add_job(${TRIP_WARNING_TASK}, json_build_object('tripId', ${trip.id}::text), run_at => ${runAt}::timestamptz, max_attempts => 5, job_key => ${tripWarningJobKey(trip.id)})`;
}

export async function cancelTripWarning(tx: Transaction, tripId: string) {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${tripWarningJobKey(tripId)})`;
}

/**
 * Queues the traveller's warning (messages "sms.tripWarning": CONASE's advice on the hotel variant,
 * as reported by razon.com.mx, Aug 2023 — see GUIDANCE.md) through the outbox, once per trip: under the trip's row lock
 * the message and the mark that it went commit together, so a retried job, a second worker or a
 * rescheduled one finds it marked. A number that texted STOP gets nothing (the outbox records it
 * as not sent) and the trip is marked all the same. A trip deleted or over gets nothing.
 */
export async function sendTripWarning(options: { tripId: string; now?: Date }) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM trip WHERE id = ${options.tripId}::uuid FOR NO KEY UPDATE`;
    const trip = await tx.trip.findUnique({ where: { id: options.tripId }, include: { person: true } });
    if (!trip || trip.warningQueuedAt || now.getTime() >= trip.endsAt.getTime()) return null;
    const { person } = trip;
    const body = renderSms(person.locale, "tripWarning").body;
    const message = await queueMessage(tx, {
      familyId: trip.familyId,
      channel: "sms",
      to: person.phone,
      locale: person.locale,
      purpose: "trip_warning",
      body,
    });
    await tx.trip.update({ where: { id: trip.id }, data: { warningQueuedAt: now, warningMessageId: message.id } });
    return message;
  });
}
