import "server-only";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { generateInviteToken, INVITE_TTL_HOURS } from "./invite-token";

/** An owner or admin invites another adult, who will join as admin. Returns the secret token once. */
export async function createInvite(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership({ ...options, roles: editorRoles });
  const { token, tokenHash } = generateInviteToken();
  const now = options.now ?? new Date();
  const invite = await db.invite.create({
    data: {
      familyId: membership.familyId,
      tokenHash,
      role: "admin",
      createdById: options.userId,
      expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000),
    },
    select: { id: true, expiresAt: true, role: true },
  });
  return { token, invite };
}
