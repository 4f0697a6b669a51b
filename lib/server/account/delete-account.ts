import "server-only";
import { verifyPassword } from "better-auth/crypto";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { signInEmailKey } from "@/lib/server/auth/credential-policy";
import { accountDeletionPlan, eraseSoleFamilies } from "@/lib/server/family/members";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";

const passwordCheckLimit = { limit: 5, windowSeconds: 15 * 60 };

/**
 * Deletes the caller's account, confirmed with their password. Families where they are the only
 * adult are erased with it; if they are the last admin of a family with other adults, nothing
 * happens until they make someone else admin (docs/decisions/010-last-admin-and-account-deletion.md).
 * Sessions, the password, memberships and the invites they created go with the user row.
 */
export async function deleteAccount(options: { userId: string; password: string }) {
  const attempt = await consumeAttempt({ key: `account-delete:${options.userId}`, ...passwordCheckLimit });
  if (!attempt.allowed)
    throw new AppError("rate_limited", "signIn.tooManyAttempts", { minutes: Math.ceil(attempt.retryAfterSeconds / 60) });
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: { email: true, accounts: { where: { providerId: "credential" }, select: { password: true } } },
  });
  const hash = user?.accounts[0]?.password;
  if (!user || !hash || !(await verifyPassword({ hash, password: options.password }))) {
    throw new AppError("invalid_input", "account.wrongPassword", { field: "password" });
  }
  requireNoBlockedFamily(await accountDeletionPlan({ userId: options.userId }));
  await db.$transaction(
    async (tx) => {
      // Checked again with the memberships locked: an admin who left meanwhile blocks it still,
      // and then nothing is erased. Only after that check do the sole families go, in the same
      // transaction as the account.
      const plan = await accountDeletionPlan({ userId: options.userId, tx });
      requireNoBlockedFamily(plan);
      await eraseSoleFamilies({ userId: options.userId, plan, tx });
      await tx.user.delete({ where: { id: options.userId } });
      await tx.attemptCounter.deleteMany({
        where: { key: { in: [signInEmailKey(user.email), `account-delete:${options.userId}`, `caller-check:${options.userId}`] } },
      });
    },
    // Erasing several families in one transaction can take longer than the default 5 s.
    { timeout: 30_000 },
  );
}

function requireNoBlockedFamily(plan: Awaited<ReturnType<typeof accountDeletionPlan>>) {
  const blocked = plan.filter((entry) => entry.outcome === "handOverFirst");
  if (blocked.length)
    throw new AppError("conflict", "account.handOverFirst", { families: blocked.map((entry) => entry.familyName).join(", ") });
}
