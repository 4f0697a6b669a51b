import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const INCIDENT_CHANNEL = "incident_events";

type Client = Pick<typeof db, "incidentEvent" | "$executeRaw"> | Prisma.TransactionClient;

/**
 * Appends to an incident's timeline and wakes every app instance's live streams through
 * NOTIFY (delivered at commit when inside a transaction).
 */
export async function appendIncidentEvent(options: { incidentId: string; type: string; data?: Prisma.InputJsonValue; client?: Client }) {
  const client = options.client ?? db;
  const event = await client.incidentEvent.create({ data: { incidentId: options.incidentId, type: options.type, data: options.data ?? {} } });
  await client.$executeRaw`SELECT pg_notify(${INCIDENT_CHANNEL}, ${options.incidentId})`;
  return event;
}
