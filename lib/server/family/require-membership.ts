import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { uuidSchema } from "@/lib/validation/family";

export const editorRoles: readonly Role[] = ["owner", "admin"];

/** Read once per request: a page, its layout and its header all ask. */
const findMembership = cache((familyId: string, userId: string) =>
  db.membership.findUnique({ where: { familyId_userId: { familyId, userId } }, include: { family: true } }),
);

/**
 * The caller's membership of `familyId`. Another family's id, a malformed id and a missing
 * family all look the same from outside: not found.
 */
export async function requireMembership(options: { familyId: string; userId: string; roles?: readonly Role[] }) {
  if (!uuidSchema.safeParse(options.familyId).success) throw new AppError("not_found", "family.notFound");
  const membership = await findMembership(options.familyId, options.userId);
  if (!membership) throw new AppError("not_found", "family.notFound");
  if (options.roles && !options.roles.includes(membership.role)) throw new AppError("forbidden", "family.forbidden");
  return membership;
}

/** Whether the adult still belongs to the family, read now (a long-lived stream asks this again). */
export async function isStillMember(options: { familyId: string; userId: string }): Promise<boolean> {
  const membership = await db.membership.findUnique({
    where: { familyId_userId: { familyId: options.familyId, userId: options.userId } },
    select: { userId: true },
  });
  return membership !== null;
}
