import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { uuidSchema } from "@/lib/validation/family";

export const editorRoles: readonly Role[] = ["owner", "admin"];

/**
 * The caller's membership of `familyId`. Another family's id, a malformed id and a missing
 * family all look the same from outside: not found.
 */
export async function requireMembership(options: { familyId: string; userId: string; roles?: readonly Role[] }) {
  if (!uuidSchema.safeParse(options.familyId).success) throw new AppError("not_found", "family.notFound");
  const membership = await db.membership.findUnique({
    where: { familyId_userId: { familyId: options.familyId, userId: options.userId } },
    include: { family: true },
  });
  if (!membership) throw new AppError("not_found", "family.notFound");
  if (options.roles && !options.roles.includes(membership.role)) throw new AppError("forbidden", "family.forbidden");
  return membership;
}
