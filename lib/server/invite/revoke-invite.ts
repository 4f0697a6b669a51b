import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { uuidSchema } from "@/lib/validation/family";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";

/** Withdraws a pending invite of the caller's family. */
export async function revokeInvite(options: { familyId: string; userId: string; inviteId: string }) {
  await requireMembership({ familyId: options.familyId, userId: options.userId, roles: editorRoles });
  if (!uuidSchema.safeParse(options.inviteId).success) throw new AppError("not_found", "invite.notFound");
  const { count } = await db.invite.deleteMany({
    where: { id: options.inviteId, familyId: options.familyId, acceptedAt: null },
  });
  if (count === 0) throw new AppError("not_found", "invite.notFound");
}
