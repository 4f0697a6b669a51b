import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { findUsableInvite } from "./find-invite";

/** The signed-in user joins the invite's family. An invite works once. */
export async function acceptInvite(options: { token: string; userId: string; now?: Date }) {
  const invite = await findUsableInvite(options);
  const already = await db.membership.findUnique({
    where: { familyId_userId: { familyId: invite.familyId, userId: options.userId } },
  });
  if (already) throw new AppError("conflict", "invite.alreadyMember");

  return db.$transaction(async (tx) => {
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
