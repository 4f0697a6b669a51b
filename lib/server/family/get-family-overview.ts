import "server-only";
import { db } from "@/lib/db";
import { requireMembership } from "./require-membership";

/** The family, the caller's role and its open invites (for the dashboard; its adults: listMembers). */
export async function getFamilyOverview(options: { familyId: string; userId: string }) {
  const membership = await requireMembership(options);
  const [pendingInvites] = await Promise.all([
    db.invite.findMany({
      where: { familyId: membership.familyId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { family: membership.family, role: membership.role, pendingInvites };
}
