import "server-only";
import { displayIdentifier, type Identifier } from "@/lib/caller-identifiers";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { normalizeIdentifier, type CheckKind } from "./check-identifier";
import { reportIdentifiersIn, withdrawReportIn, type ReportOutcome } from "./registry";
import { identifierHash } from "./registry-key";

/**
 * "Check a number": an adult who hung up on a suspicious call reports the number (or account)
 * as the family's report. Refusals (too new, no plan, over the limit) come back as messages.
 */
export async function reportIdentifier(options: {
  familyId: string;
  userId: string;
  input: string;
  kind: CheckKind;
}): Promise<ReportOutcome> {
  const { family } = await requireMembership(options);
  const normalized = normalizeIdentifier(options.input, options.kind, family.country);
  if (!normalized.ok) throw new AppError("invalid_input", normalized.error, { field: "value" });
  const outcome = await db.$transaction((tx) =>
    reportIdentifiersIn(tx, { familyId: family.id, identifiers: [normalized.identifier], automatic: false }),
  );
  if (outcome.refused)
    throw new AppError(outcome.refused === "rate_limited" ? "rate_limited" : "conflict", `callers.refused.${outcome.refused}`);
  return outcome;
}

/** Takes back one of the family's reports, by the hash its own list holds. */
export async function withdrawFamilyReport(options: { familyId: string; userId: string; hash: string }): Promise<void> {
  const { family } = await requireMembership(options);
  if (!/^[A-Za-z0-9_-]{43}$/.test(options.hash)) throw new AppError("not_found", "callers.reportNotFound");
  const withdrawn = await db.$transaction((tx) => withdrawReportIn(tx, { familyId: family.id, hash: options.hash }));
  if (!withdrawn) throw new AppError("not_found", "callers.reportNotFound");
}

/** Whether the family's closed scam calls count as reports (its opt-out). */
export async function setCallerReportSharing(options: { familyId: string; userId: string; share: boolean }): Promise<void> {
  const { family } = await requireMembership({ ...options, roles: ["owner", "admin"] });
  await db.family.update({ where: { id: family.id }, data: { shareCallerReports: options.share } });
}

/**
 * The family's reports for its "Check a number" page: kind and date, and the identifier itself
 * where the family's own incidents hold it (a number reported from the page is known by its hash
 * only: the family checks it again to see it).
 */
export async function listFamilyReports(options: { familyId: string; userId: string }) {
  const { family } = await requireMembership(options);
  const [reports, incidents] = await Promise.all([
    db.familyCallerReport.findMany({ where: { familyId: family.id }, orderBy: { reportedAt: "desc" }, take: 200 }),
    db.incident.findMany({
      where: { familyId: family.id },
      select: { callerPhone: true, identifiers: { select: { kind: true, value: true } } },
    }),
  ]);
  const known = new Map<string, string>();
  for (const incident of incidents) {
    const identifiers: Identifier[] = [
      ...(incident.callerPhone ? [{ kind: "phone" as const, value: incident.callerPhone }] : []),
      ...incident.identifiers,
    ];
    for (const identifier of identifiers) known.set(identifierHash(identifier), displayIdentifier(identifier));
  }
  return reports.map((report) => ({
    hash: report.identifierHash,
    kind: report.kind,
    reportedAt: report.reportedAt,
    fromIncident: report.incidentId !== null,
    display: known.get(report.identifierHash) ?? null,
  }));
}
