import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { creatorMayGrant, findUsableInvite } from "./find-invite";

/** The signed-in user joins the invite's family. An invite works once. */
export async function acceptInvite(options: { token: string; userId: string; now?: Date }) {
  const invite = await findUsableInvite(options);
  const already = await db.membership.findUnique({
    where: { familyId_userId: { familyId: invite.familyId, userId: options.userId } },
  });
  if (already) throw new AppError("conflict", "invite.alreadyMember");

  return db.$transaction(async (tx) => {
    // The creator's membership is read again, locked until the end: a removal or demotion that
    // runs at the same moment (lib/server/family/members.ts locks the family's memberships) either
    // finishes first and is seen here, or waits for this acceptance and then takes the new adult's
    // role in hand like anyone else's. Locked before the invite so the two never wait on each other.
    const [creator] = await tx.$queryRaw<{ role: string }[]>`
      SELECT role::text AS role FROM membership
      WHERE "familyId" = ${invite.familyId}::uuid AND "userId" = ${invite.createdById} FOR SHARE`;
    if (!creatorMayGrant(creator?.role ?? null, invite.role)) throw new AppError("gone", "invite.withdrawn");
    // Claiming with a condition makes two simultaneous acceptances end with one winner.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: options.now ?? new Date(), acceptedById: options.userId },
    });
    if (claimed.count !== 1) throw new AppError("gone", "invite.used");
    return tx.membership.create({
      data: { familyId: invite.familyId, userId: options.userId, role: invite.role },
    });
  });
}
