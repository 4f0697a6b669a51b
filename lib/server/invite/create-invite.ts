import "server-only";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import type { AssignableRole } from "@/lib/validation/family";
import { generateInviteToken, INVITE_TTL_HOURS } from "./invite-token";

/** An admin invites another adult, who will join as admin or member. Returns the secret token once. */
export async function createInvite(options: { familyId: string; userId: string; role: AssignableRole; now?: Date }) {
  const membership = await requireMembership({ ...options, roles: editorRoles });
  const { token, tokenHash } = generateInviteToken();
  const now = options.now ?? new Date();
  const invite = await db.invite.create({
    data: {
      familyId: membership.familyId,
      tokenHash,
      role: options.role,
      createdById: options.userId,
      expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000),
    },
    select: { id: true, expiresAt: true, role: true },
  });
  return { token, invite };
}
