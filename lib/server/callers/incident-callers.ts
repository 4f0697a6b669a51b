import "server-only";
import { normalizeCallerNumber, normalizePaymentIdentifier, type Identifier, type PaymentKind } from "@/lib/caller-identifiers";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireIncident } from "@/lib/server/incidents/manage-incident";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { describeIdentifier, type IdentifierCheck } from "./check-identifier";
import { reportIdentifiersIn, type ReportOutcome } from "./registry";

type Scope = { familyId: string; userId: string; incidentId: string };
type Transaction = Prisma.TransactionClient;

/** An incident that ended as a scam: the person was confirmed safe, or it was a false alarm (a caller, no one taken). */
export const scamOutcomes = ["confirmed_safe", "false_alarm"] as const;

function endedAsScam(incident: { status: string; outcome: string | null; drill: boolean }): boolean {
  return !incident.drill && incident.status === "closed" && (scamOutcomes as readonly string[]).includes(incident.outcome ?? "");
}

async function incidentIdentifiers(
  client: Transaction | typeof db,
  incident: { id: string; callerPhone: string | null },
): Promise<Identifier[]> {
  const payments = await client.incidentIdentifier.findMany({
    where: { incidentId: incident.id },
    orderBy: { createdAt: "asc" },
    select: { kind: true, value: true },
  });
  return [...(incident.callerPhone ? [{ kind: "phone" as const, value: incident.callerPhone }] : []), ...payments];
}

/**
 * When an incident closes as a scam, its caller's number and payment identifiers count as one
 * report from the family (unless it opted out, or a limit refuses). Drills never report.
 * Called inside the closing transaction (lib/server/incidents/close-incident.ts).
 */
export async function reportIncidentCallersIn(tx: Transaction, incidentId: string): Promise<ReportOutcome | null> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { id: true, familyId: true, status: true, outcome: true, drill: true, callerPhone: true },
  });
  if (!endedAsScam(incident)) return null;
  const identifiers = await incidentIdentifiers(tx, incident);
  return reportIdentifiersIn(tx, { familyId: incident.familyId, identifiers, incidentId: incident.id, automatic: true });
}

/** What the caller left on this incident, each with what is known of it. */
export async function getIncidentCallers(
  options: Scope,
): Promise<{ hidden: boolean; identifiers: (IdentifierCheck & { id: string | null })[] }> {
  const { incident, family } = await requireIncident(options);
  const payments = await db.incidentIdentifier.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } });
  const entries = [...(incident.callerPhone ? [{ id: null, kind: "phone" as const, value: incident.callerPhone }] : []), ...payments];
  const identifiers = await Promise.all(
    entries.map(async (entry) => ({ id: entry.id, ...(await describeIdentifier(family.id, { kind: entry.kind, value: entry.value })) })),
  );
  return { hidden: incident.callerHidden, identifiers };
}

/** The identifiers kept on an incident, without lookups: for the report and the export. */
export async function listIncidentIdentifiers(incident: { id: string; callerPhone: string | null }): Promise<Identifier[]> {
  return incidentIdentifiers(db, incident);
}

/**
 * The caller's number, typed on the live screen or after the call, or "hidden". On an incident
 * that already ended as a scam, a new number is reported at once.
 */
export async function setIncidentCaller(options: Scope & { input: string; hidden: boolean }): Promise<Identifier | null> {
  const { incident, family } = await requireIncident(options);
  let identifier: Identifier | null = null;
  if (!options.hidden && options.input.trim()) {
    const normalized = normalizeCallerNumber(options.input, family.country);
    if (!normalized.ok) throw new AppError("invalid_input", normalized.error, { field: "callerPhone" });
    identifier = normalized.identifier;
  }
  await db.$transaction(async (tx) => {
    await tx.incident.update({
      where: { id: incident.id },
      data: { callerPhone: identifier?.value ?? null, callerHidden: options.hidden },
    });
    if (identifier && endedAsScam(incident))
      await reportIdentifiersIn(tx, { familyId: family.id, identifiers: [identifier], incidentId: incident.id, automatic: true });
  });
  return identifier;
}

/** A payment identifier the caller dictated, validated; reported at once on an incident that ended as a scam. */
export async function addIncidentIdentifier(
  options: Scope & { input: string; kind: PaymentKind | "auto" },
): Promise<{ id: string; identifier: Identifier }> {
  const { incident, family } = await requireIncident(options);
  const normalized = normalizePaymentIdentifier(options.input, options.kind);
  if (!normalized.ok) throw new AppError("invalid_input", normalized.error, { field: "payment" });
  const identifier = normalized.identifier;
  const count = await db.incidentIdentifier.count({ where: { incidentId: incident.id } });
  if (count >= 20) throw new AppError("conflict", "callers.tooManyIdentifiers");
  return db.$transaction(async (tx) => {
    const row = await tx.incidentIdentifier.upsert({
      where: { incidentId_kind_value: { incidentId: incident.id, kind: identifier.kind, value: identifier.value } },
      create: { incidentId: incident.id, kind: identifier.kind, value: identifier.value },
      update: {},
    });
    if (endedAsScam(incident))
      await reportIdentifiersIn(tx, { familyId: family.id, identifiers: [identifier], incidentId: incident.id, automatic: true });
    return { id: row.id, identifier };
  });
}

/** Removes a mistyped identifier from the incident (a report already made stays until withdrawn). */
export async function removeIncidentIdentifier(options: Scope & { identifierId: string }): Promise<void> {
  const { incident } = await requireIncident(options);
  const id = requireUuid(options.identifierId, "callers.identifierNotFound");
  const removed = await db.incidentIdentifier.deleteMany({ where: { id, incidentId: incident.id } });
  if (removed.count === 0) throw new AppError("not_found", "callers.identifierNotFound");
}
