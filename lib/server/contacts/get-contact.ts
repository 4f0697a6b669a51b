import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { requireUuid } from "@/lib/server/plan/input-guards";

export async function getContact(options: { familyId: string; userId: string; contactId: string }) {
  const membership = await requireMembership(options);
  const contactId = requireUuid(options.contactId, "contact.notFound");
  const contact = await db.contact.findFirst({ where: { id: contactId, familyId: membership.familyId } });
  if (!contact) throw new AppError("not_found", "contact.notFound");
  return { contact, family: membership.family, role: membership.role };
}
