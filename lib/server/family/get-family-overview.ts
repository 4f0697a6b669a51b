import "server-only";
import { db } from "@/lib/db";
import { requireMembership } from "./require-membership";

/** The family, the caller's role, its adults and its open invites (for the dashboard). */
export async function getFamilyOverview(options: { familyId: string; userId: string }) {
  const membership = await requireMembership(options);
  const [members, pendingInvites] = await Promise.all([
    db.membership.findMany({
      where: { familyId: membership.familyId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    db.invite.findMany({
      where: { familyId: membership.familyId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { family: membership.family, role: membership.role, members, pendingInvites };
}
