import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { editorRoles } from "@/lib/server/family/require-membership";
import { inviteTokenSchema } from "@/lib/validation/family";
import { hashInviteToken } from "./invite-token";

/**
 * Whether an adult with `creatorRole` in the family (null: no longer in it) may still grant
 * `inviteRole`. Only admins invite at all, and an invite as admin needs an admin behind it, so a
 * removed or demoted admin's old link makes nobody anything.
 */
export function creatorMayGrant(creatorRole: Role | string | null, inviteRole: Role) {
  if (!creatorRole || !(editorRoles as readonly string[]).includes(creatorRole)) return false;
  return inviteRole === "admin" || inviteRole === "member";
}

/** The invite behind a link, or the reason it cannot be used (not found, used, expired, withdrawn). */
export async function findUsableInvite(options: { token: string; now?: Date }) {
  if (!inviteTokenSchema.safeParse(options.token).success) throw new AppError("not_found", "invite.notFound");
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(options.token) },
    include: { family: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
  });
  if (!invite) throw new AppError("not_found", "invite.notFound");
  if (invite.acceptedAt) throw new AppError("gone", "invite.used");
  if (invite.expiresAt <= (options.now ?? new Date())) throw new AppError("gone", "invite.expired");
  const creator = await db.membership.findUnique({
    where: { familyId_userId: { familyId: invite.familyId, userId: invite.createdById } },
    select: { role: true },
  });
  if (!creatorMayGrant(creator?.role ?? null, invite.role)) throw new AppError("gone", "invite.withdrawn");
  return invite;
}
