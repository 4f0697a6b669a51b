import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { CreateFamilyInput } from "@/lib/validation/family";
import { requirePhone } from "@/lib/server/plan/input-guards";
import { eraseFamily } from "./erase-family";
import { editorRoles, requireMembership } from "./require-membership";

export async function updateFamily(options: { familyId: string; userId: string; input: CreateFamilyInput }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  return db.family.update({ where: { id: family.id }, data: options.input });
}

/** Marks the guided setup as finished (the review step). */
export async function completeFamilySetup(options: { familyId: string; userId: string; now?: Date }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  await db.family.update({ where: { id: family.id }, data: { setupCompletedAt: options.now ?? new Date() } });
}

/** Deletes the family and everything in it (eraseFamily). Admins only, confirmed by typing the family's name. */
export async function deleteFamily(options: { familyId: string; userId: string; confirmName: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  if (options.confirmName.trim() !== family.name.trim()) {
    throw new AppError("invalid_input", "confirmName.mismatch", { field: "confirmName" });
  }
  await eraseFamily(family.id);
}

/**
 * Everything the family holds, as plain data. The secret words appear only as the dates they
 * were changed: their hashes could be attacked offline and are of no use to the family.
 */
export async function exportFamilyData(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const family = await db.family.findUniqueOrThrow({
    where: { id: membership.familyId },
    select: {
      id: true,
      name: true,
      country: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      setupCompletedAt: true,
      memberships: { select: { role: true, createdAt: true, user: { select: { name: true, email: true } } } },
      invites: { select: { role: true, createdAt: true, expiresAt: true, acceptedAt: true } },
      people: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          phone: true,
          locale: true,
          notes: true,
          createdAt: true,
          updatedAt: true,
          contacts: { orderBy: [{ tier: "asc" }, { position: "asc" }], select: { tier: true, position: true, contactId: true } },
        },
      },
      contacts: {
        select: {
          id: true,
          name: true,
          phone: true,
          locale: true,
          relationship: true,
          channel: true,
          forTrip: true,
          createdAt: true,
          updatedAt: true,
        },
      },
      secretWords: { select: { safeWordChangedAt: true, duressWordChangedAt: true } },
      trips: {
        orderBy: { startsOn: "asc" },
        select: {
          id: true,
          personId: true,
          destination: true,
          hotelName: true,
          startsOn: true,
          endsOn: true,
          timeZone: true,
          warningQueuedAt: true,
          createdAt: true,
          updatedAt: true,
          contacts: { select: { role: true, contactId: true } },
        },
      },
      exposureChecks: {
        orderBy: { checkedAt: "asc" },
        select: { personId: true, profilesPublic: true, phoneVisible: true, tripsPostedLive: true, placesPublic: true, checkedAt: true },
      },
      shareCallerReports: true,
      incidents: {
        orderBy: { startedAt: "asc" },
        select: {
          id: true,
          startedAt: true,
          closedAt: true,
          status: true,
          outcome: true,
          drill: true,
          callerNumber: true,
          callerPhone: true,
          callerHidden: true,
          demands: true,
          paymentInstructions: true,
          identifiers: { orderBy: { createdAt: "asc" }, select: { kind: true, value: true, createdAt: true } },
        },
      },
      callerReports: { orderBy: { reportedAt: "asc" }, select: { kind: true, reportedAt: true, incidentId: true } },
    },
  });
  return { format: "confirma-family-export", version: 1, exportedAt: (options.now ?? new Date()).toISOString(), family };
}

/** When the escalation steps of future incidents run (owners and admins). */
export async function updateEscalationDelays(options: {
  familyId: string;
  userId: string;
  delays: { callDelaySeconds: number; tier1DelaySeconds: number; tier2DelaySeconds: number; tier3DelaySeconds: number };
}) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  await db.family.update({ where: { id: family.id }, data: options.delays });
}

/** The caller's own mobile for all-clear messages; empty removes it. Any adult sets their own. */
export async function updateAlertPhone(options: { familyId: string; userId: string; phone: string; phoneChoice?: string | null }) {
  const membership = await requireMembership(options);
  const phone = options.phone.trim() ? requirePhone(options.phone, membership.family.country, "sms", options.phoneChoice) : null;
  await db.membership.update({ where: { id: membership.id }, data: { phone } });
  return { phone };
}
