import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { inviteTokenSchema } from "@/lib/validation/family";
import { hashInviteToken } from "./invite-token";

/** The invite behind a link, or the reason it cannot be used (not found, used, expired). */
export async function findUsableInvite(options: { token: string; now?: Date }) {
  if (!inviteTokenSchema.safeParse(options.token).success) throw new AppError("not_found", "invite.notFound");
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(options.token) },
    include: { family: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
  });
  if (!invite) throw new AppError("not_found", "invite.notFound");
  if (invite.acceptedAt) throw new AppError("gone", "invite.used");
  if (invite.expiresAt <= (options.now ?? new Date())) throw new AppError("gone", "invite.expired");
  return invite;
}
