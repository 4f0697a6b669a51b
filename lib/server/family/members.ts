import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignableRole } from "@/lib/validation/family";
import { eraseFamily } from "./erase-family";
import { editorRoles, requireMembership } from "./require-membership";

// Roles: "owner" (whoever created the family) and "admin" are both admins: they change the plan,
// the words and the adults. A "member" follows incidents and sees the plan. The rule for the last
// admin (docs/decisions/010-last-admin-and-account-deletion.md): a family with other adults always
// keeps an admin, so the last one hands over first; a family whose only adult goes is erased.

export const isAdminRole = (role: string) => (editorRoles as readonly string[]).includes(role);

/** The adults of a family, admins first, for any of its adults. */
export async function listMembers(options: { familyId: string; userId: string }) {
  const { familyId } = await requireMembership(options);
  const rows = await db.membership.findMany({
    where: { familyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, userId: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  return rows
    .map((row) => ({
      id: row.id,
      role: row.role,
      isAdmin: isAdminRole(row.role),
      isSelf: row.userId === options.userId,
      name: row.user.name,
      email: row.user.email,
      joinedAt: row.createdAt,
    }))
    .sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin));
}

/** The family's memberships, locked until the transaction ends so two changes cannot both remove the last admin. */
async function lockedMemberships(tx: Prisma.TransactionClient, familyId: string) {
  return tx.$queryRaw<{ id: string; userId: string; role: string }[]>`
    SELECT id, "userId", role::text AS role FROM membership WHERE "familyId" = ${familyId}::uuid ORDER BY id FOR UPDATE`;
}

/**
 * Withdraws the invites an adult created and nobody accepted yet, when they stop being an admin of
 * the family (removed, demoted, gone): a link they handed out earlier must not outlive their role.
 */
async function revokePendingInvites(tx: Prisma.TransactionClient, familyId: string, userId: string) {
  await tx.invite.deleteMany({ where: { familyId, createdById: userId, acceptedAt: null } });
}

function requireAnotherAdmin(memberships: { id: string; role: string }[], leavingId: string) {
  if (!memberships.some((row) => row.id !== leavingId && isAdminRole(row.role))) {
    throw new AppError("conflict", "members.handOverFirst");
  }
}

/** An admin makes another adult (or themselves) admin or member; the last admin cannot step down. */
export async function changeMemberRole(options: { familyId: string; userId: string; membershipId: string; role: AssignableRole }) {
  const { familyId } = await requireMembership({ ...options, roles: editorRoles });
  await db.$transaction(async (tx) => {
    const memberships = await lockedMemberships(tx, familyId);
    const target = memberships.find((row) => row.id === options.membershipId);
    if (!target) throw new AppError("not_found", "members.notFound");
    if (options.role === "admin" && isAdminRole(target.role)) return; // already an admin (or the owner)
    if (options.role === "member") requireAnotherAdmin(memberships, target.id);
    await tx.membership.update({ where: { id: target.id }, data: { role: options.role } });
    if (options.role === "member") await revokePendingInvites(tx, familyId, target.userId);
  });
}

/** An admin removes another adult from the family; their account stays. To go oneself: leaveFamily. */
export async function removeMember(options: { familyId: string; userId: string; membershipId: string }) {
  const caller = await requireMembership({ ...options, roles: editorRoles });
  if (caller.id === options.membershipId) throw new AppError("invalid_input", "members.useLeave");
  await db.$transaction(async (tx) => {
    const memberships = await lockedMemberships(tx, caller.familyId);
    const target = memberships.find((row) => row.id === options.membershipId);
    if (!target) throw new AppError("not_found", "members.notFound");
    await tx.membership.delete({ where: { id: target.id } });
    await revokePendingInvites(tx, caller.familyId, target.userId);
  });
}

/**
 * Any adult leaves a family. The last admin of a family with other adults hands over first; the
 * family's only adult deletes the family instead (nobody would be left to see its data).
 */
export async function leaveFamily(options: { familyId: string; userId: string }) {
  const membership = await requireMembership(options);
  await db.$transaction(async (tx) => {
    const memberships = await lockedMemberships(tx, membership.familyId);
    if (memberships.length === 1) throw new AppError("conflict", "members.onlyAdult");
    const own = memberships.find((row) => row.id === membership.id);
    if (!own) throw new AppError("not_found", "family.notFound");
    if (isAdminRole(own.role)) requireAnotherAdmin(memberships, own.id);
    await tx.membership.delete({ where: { id: own.id } });
    await revokePendingInvites(tx, membership.familyId, own.userId);
  });
}

/**
 * What deleting this account would do to each of its families: erase it (the user is its only
 * adult), block it (the last admin of a family with other adults), or just remove the membership.
 */
export async function accountDeletionPlan(options: { userId: string; tx?: Prisma.TransactionClient }) {
  const client = options.tx ?? db;
  if (options.tx) {
    // Inside deleteAccount's transaction: the memberships of the user's families stay as read until it ends.
    await options.tx
      .$queryRaw`SELECT id FROM membership WHERE "familyId" IN (SELECT "familyId" FROM membership WHERE "userId" = ${options.userId}) ORDER BY id FOR UPDATE`;
  }
  const memberships = await client.membership.findMany({
    where: { userId: options.userId },
    select: { familyId: true, role: true, family: { select: { name: true, memberships: { select: { role: true, userId: true } } } } },
  });
  return memberships.map((row) => {
    const others = row.family.memberships.filter((other) => other.userId !== options.userId);
    const outcome =
      others.length === 0 ? "erased" : isAdminRole(row.role) && !others.some((other) => isAdminRole(other.role)) ? "handOverFirst" : "left";
    return { familyId: row.familyId, familyName: row.family.name, outcome } as const;
  });
}

/** Used by deleteAccount, inside its transaction once nothing blocks it: erases the families only this user was in. */
export async function eraseSoleFamilies(options: {
  userId: string;
  plan: Awaited<ReturnType<typeof accountDeletionPlan>>;
  tx: Prisma.TransactionClient;
}) {
  for (const entry of options.plan.filter((item) => item.outcome === "erased"))
    await eraseFamily(entry.familyId, { soleMemberId: options.userId, tx: options.tx });
}
