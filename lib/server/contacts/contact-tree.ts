import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { requireUuid } from "@/lib/server/plan/input-guards";

type TreeOptions = { familyId: string; userId: string };

async function requireAssignment(options: TreeOptions & { assignmentId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const id = requireUuid(options.assignmentId, "contact.notFound");
  const assignment = await db.personContact.findFirst({ where: { id, person: { familyId: family.id } } });
  if (!assignment) throw new AppError("not_found", "contact.notFound");
  return assignment;
}

/** Renumbers a tier 0..n-1 in its current order, after a removal or a move out. */
async function compactTier(tx: Prisma.TransactionClient, personId: string, tier: number) {
  const rows = await tx.personContact.findMany({ where: { personId, tier }, orderBy: { position: "asc" }, select: { id: true } });
  await Promise.all(rows.map((row, position) => tx.personContact.update({ where: { id: row.id }, data: { position } })));
}

/** Puts an existing contact of the family into a person's tree, at the end of `tier`. */
export async function assignContact(options: TreeOptions & { personId: string; contactId: string; tier: number }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const personId = requireUuid(options.personId, "person.notFound");
  const contactId = requireUuid(options.contactId, "contact.notFound");
  const [person, contact] = await Promise.all([
    db.person.findFirst({ where: { id: personId, familyId: family.id }, select: { id: true } }),
    db.contact.findFirst({ where: { id: contactId, familyId: family.id }, select: { id: true } }),
  ]);
  if (!person) throw new AppError("not_found", "person.notFound");
  if (!contact) throw new AppError("not_found", "contact.notFound");
  if (await db.personContact.findUnique({ where: { personId_contactId: { personId, contactId } } })) {
    throw new AppError("conflict", "contact.alreadyInTree");
  }
  const position = await db.personContact.count({ where: { personId, tier: options.tier } });
  return db.personContact.create({ data: { personId, contactId, tier: options.tier, position } });
}

/** Moves a contact to another tier of the same tree (to the end of it). */
export async function changeContactTier(options: TreeOptions & { assignmentId: string; tier: number }) {
  const assignment = await requireAssignment(options);
  if (assignment.tier === options.tier) return;
  await db.$transaction(async (tx) => {
    const position = await tx.personContact.count({ where: { personId: assignment.personId, tier: options.tier } });
    await tx.personContact.update({ where: { id: assignment.id }, data: { tier: options.tier, position } });
    await compactTier(tx, assignment.personId, assignment.tier);
  });
}

/** Asks this contact earlier or later within its tier. */
export async function moveContactWithinTier(options: TreeOptions & { assignmentId: string; direction: "up" | "down" }) {
  const assignment = await requireAssignment(options);
  await db.$transaction(async (tx) => {
    const neighbour = await tx.personContact.findFirst({
      where: {
        personId: assignment.personId,
        tier: assignment.tier,
        position: options.direction === "up" ? { lt: assignment.position } : { gt: assignment.position },
      },
      orderBy: { position: options.direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return;
    await tx.personContact.update({ where: { id: neighbour.id }, data: { position: assignment.position } });
    await tx.personContact.update({ where: { id: assignment.id }, data: { position: neighbour.position } });
  });
}

/** Takes a contact out of one person's tree; the contact stays in the family. */
export async function removeContactFromTree(options: TreeOptions & { assignmentId: string }) {
  const assignment = await requireAssignment(options);
  await db.$transaction(async (tx) => {
    await tx.personContact.delete({ where: { id: assignment.id } });
    await compactTier(tx, assignment.personId, assignment.tier);
  });
}
