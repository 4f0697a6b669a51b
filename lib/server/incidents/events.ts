import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentEventType } from "@/lib/generated/prisma/enums";
import type { IncidentEventData } from "@/lib/incidents/incident-events";

export const INCIDENT_CHANNEL = "incident_events";

type Client = Pick<typeof db, "incidentEvent" | "$executeRaw"> | Prisma.TransactionClient;

/**
 * Appends to an incident's timeline and wakes every app instance's live streams through
 * NOTIFY (delivered at commit when inside a transaction).
 */
export async function appendIncidentEvent<T extends IncidentEventType>(
  options: { incidentId: string; type: T; client?: Client } & (IncidentEventData[T] extends Record<string, never>
    ? { data?: undefined }
    : { data: IncidentEventData[T] }),
) {
  const client = options.client ?? db;
  const event = await client.incidentEvent.create({
    data: { incidentId: options.incidentId, type: options.type, data: (options.data ?? {}) as Prisma.InputJsonValue },
  });
  await client.$executeRaw`SELECT pg_notify(${INCIDENT_CHANNEL}, ${options.incidentId})`;
  return event;
}
