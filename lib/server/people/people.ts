import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { isUniqueViolation, requirePhone, requireUuid } from "@/lib/server/plan/input-guards";
import type { PersonInput } from "@/lib/validation/plan";

const duplicate = () => new AppError("conflict", "phone.duplicatePerson", { field: "phone" });

/** Adds someone to protect. Their number must be able to receive SMS. */
export async function createPerson(options: { familyId: string; userId: string; input: PersonInput }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const { phoneChoice, ...input } = options.input;
  const phone = requirePhone(input.phone, family.country, "sms", phoneChoice);
  if (await db.person.findFirst({ where: { familyId: family.id, phone }, select: { id: true } })) throw duplicate();
  const position = await db.person.count({ where: { familyId: family.id } });
  try {
    return await db.person.create({ data: { ...input, phone, familyId: family.id, position } });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate() : error;
  }
}

export async function updatePerson(options: { familyId: string; userId: string; personId: string; input: PersonInput }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const personId = requireUuid(options.personId, "person.notFound");
  const { phoneChoice, ...input } = options.input;
  const phone = requirePhone(input.phone, family.country, "sms", phoneChoice);
  if (await db.person.findFirst({ where: { familyId: family.id, phone, id: { not: personId } }, select: { id: true } })) throw duplicate();
  try {
    const { count } = await db.person.updateMany({ where: { id: personId, familyId: family.id }, data: { ...input, phone } });
    if (count === 0) throw new AppError("not_found", "person.notFound");
    return { phone };
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate() : error;
  }
}

export async function deletePerson(options: { familyId: string; userId: string; personId: string }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const personId = requireUuid(options.personId, "person.notFound");
  const { count } = await db.person.deleteMany({ where: { id: personId, familyId: family.id } });
  if (count === 0) throw new AppError("not_found", "person.notFound");
}

/** One person with their contact tree, tier by tier, in the family's order. */
export async function getPerson(options: { familyId: string; userId: string; personId: string }) {
  const membership = await requireMembership(options);
  const personId = requireUuid(options.personId, "person.notFound");
  const person = await db.person.findFirst({
    where: { id: personId, familyId: membership.familyId },
    include: { contacts: { include: { contact: true }, orderBy: [{ tier: "asc" }, { position: "asc" }] } },
  });
  if (!person) throw new AppError("not_found", "person.notFound");
  return { person, family: membership.family, role: membership.role };
}

/** The family's people by name, in the family's order: whom a verification can be started for. */
export async function listPeople(options: { familyId: string; userId: string }) {
  const { family } = await requireMembership(options);
  const people = await db.person.findMany({
    where: { familyId: family.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  return { family, people };
}
