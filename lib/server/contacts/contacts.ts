import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { isUniqueViolation, requirePhone, requireUuid } from "@/lib/server/plan/input-guards";
import type { ContactInput } from "@/lib/validation/plan";

const duplicate = () => new AppError("conflict", "phone.duplicateContact", { field: "phone" });

/**
 * Adds someone who can vouch for people of the family; with `assignTo`, also puts them in
 * that person's tree. A contact reached by SMS needs a mobile; by voice a landline will do.
 */
export async function createContact(options: {
  familyId: string;
  userId: string;
  input: ContactInput;
  assignTo?: { personId: string; tier: number };
}) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const { phoneChoice, ...input } = options.input;
  const phone = requirePhone(input.phone, family.country, input.channel, phoneChoice);
  const personId = options.assignTo ? requireUuid(options.assignTo.personId, "person.notFound") : undefined;
  if (personId && !(await db.person.findFirst({ where: { id: personId, familyId: family.id }, select: { id: true } }))) {
    throw new AppError("not_found", "person.notFound");
  }
  if (await db.contact.findFirst({ where: { familyId: family.id, phone }, select: { id: true } })) throw duplicate();
  try {
    return await db.$transaction(async (tx) => {
      const contact = await tx.contact.create({ data: { ...input, phone, familyId: family.id } });
      if (personId && options.assignTo) {
        const position = await tx.personContact.count({ where: { personId, tier: options.assignTo.tier } });
        await tx.personContact.create({ data: { personId, contactId: contact.id, tier: options.assignTo.tier, position } });
      }
      return contact;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate() : error;
  }
}

export async function updateContact(options: { familyId: string; userId: string; contactId: string; input: ContactInput }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const contactId = requireUuid(options.contactId, "contact.notFound");
  const { phoneChoice, ...input } = options.input;
  const phone = requirePhone(input.phone, family.country, input.channel, phoneChoice);
  if (await db.contact.findFirst({ where: { familyId: family.id, phone, id: { not: contactId } }, select: { id: true } }))
    throw duplicate();
  try {
    const { count } = await db.contact.updateMany({ where: { id: contactId, familyId: family.id }, data: { ...input, phone } });
    if (count === 0) throw new AppError("not_found", "contact.notFound");
    return { phone };
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate() : error;
  }
}

/** Removes the contact from the family and from every tree it was in. */
export async function deleteContact(options: { familyId: string; userId: string; contactId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const contactId = requireUuid(options.contactId, "contact.notFound");
  const { count } = await db.contact.deleteMany({ where: { id: contactId, familyId: family.id } });
  if (count === 0) throw new AppError("not_found", "contact.notFound");
}

export async function listContacts(options: { familyId: string; userId: string }) {
  const membership = await requireMembership(options);
  return db.contact.findMany({
    where: { familyId: membership.familyId },
    orderBy: { name: "asc" },
    include: { vouchesFor: { select: { tier: true, person: { select: { id: true, name: true } } } } },
  });
}
