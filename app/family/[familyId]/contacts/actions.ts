"use server";
// Contacts and each person's contact tree. Made by familyAction (signed-in adults only); the data-access
// functions check the family and the role; failures come back as translated form messages.
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { assignContact, changeContactTier, moveContactWithinTier, removeContactFromTree } from "@/lib/server/contacts/contact-tree";
import { createContact, deleteContact, updateContact } from "@/lib/server/contacts/contacts";
import type { FormState } from "@/lib/validation/form-state";
import { savedValues } from "../form-values";

/** A new contact, put in a person's tree at the chosen tier when the form belongs to a person's page. */
export const createContactAction = familyAction(
  { bound: ["personId"], schema: contactSchema },
  async ({ scope: { personId, ...scope }, input, formData }): Promise<FormState> => {
    const tier = tierSchema.safeParse(formData.get("tier") ?? 1);
    if (!tier.success) return { status: "error", fieldErrors: { tier: ["tier.invalid"] } };
    const contact = await createContact({ ...scope, input, assignTo: personId ? { personId, tier: tier.data } : undefined });
    return personId
      ? { status: "success", successMessage: "addedToTier", successValues: { name: contact.name, tier: String(tier.data) } }
      : { status: "success", successMessage: "added", successValues: { name: contact.name } };
  },
);
import { assignmentSchema, contactSchema, tierSchema } from "@/lib/validation/plan";

export const updateContactAction = familyAction({ bound: ["contactId"], schema: contactSchema }, async ({ scope, input }) => {
  const { phone } = await updateContact({ ...scope, input });
  return { status: "success", successMessage: "saved", values: savedValues(input, phone) };
});

export const deleteContactAction = familyAction({ bound: ["contactId"] }, async ({ scope }) => {
  await deleteContact(scope);
  redirect(`/family/${scope.familyId}/contacts`);
});

export const assignContactAction = familyAction({ bound: ["personId"], schema: assignmentSchema }, async ({ scope, input, formData }) => {
  await assignContact({ ...scope, contactId: String(formData.get("contactId") ?? ""), tier: input.tier });
});

/** One form per tree entry: move up, move down, change tier, or remove. */
export const updateTreeEntryAction = familyAction({ bound: ["assignmentId"] }, async ({ scope, formData }): Promise<FormState | void> => {
  const intent = formData.get("intent");
  if (intent === "up" || intent === "down") return moveContactWithinTier({ ...scope, direction: intent });
  if (intent === "remove") return removeContactFromTree(scope);
  const tier = tierSchema.safeParse(formData.get("tier"));
  if (!tier.success) return { status: "error", fieldErrors: { tier: ["tier.invalid"] } };
  return changeContactTier({ ...scope, tier: tier.data });
});
