"use server";
// Server actions of the family plan (people, contacts and their tree, words, the family's
// settings). Made by familyAction: signed-in adults only; the data-access functions check the
// family and the role; every failure comes back as a translated form message.
import { redirect } from "next/navigation";
import { formatPhone } from "@/lib/phone";
import { familyAction } from "@/lib/server/actions/action-builders";
import { assignContact, changeContactTier, moveContactWithinTier, removeContactFromTree } from "@/lib/server/contacts/contact-tree";
import { createContact, deleteContact, updateContact } from "@/lib/server/contacts/contacts";
import {
  completeFamilySetup,
  deleteFamily,
  updateAlertPhone,
  updateEscalationDelays,
  updateFamily,
} from "@/lib/server/family/manage-family";
import { createPerson, deletePerson, updatePerson } from "@/lib/server/people/people";
import { checkSecretWord, saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { createFamilySchema } from "@/lib/validation/family";
import type { FormState } from "@/lib/validation/form-state";
import {
  alertPhoneSchema,
  assignmentSchema,
  checkWordSchema,
  contactSchema,
  deleteFamilySchema,
  escalationDelaysSchema,
  personSchema,
  secretWordsSchema,
  tierSchema,
} from "@/lib/validation/plan";

/** What was saved, as the form shows it again. */
function asFormValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)]));
}

/** What was saved, with the number as it was understood (so that the form shows it, not what was typed). */
function savedValues(data: Record<string, unknown>, phone: string): Record<string, string> {
  const values = asFormValues(data);
  delete values.phoneChoice;
  return { ...values, phone: formatPhone(phone) };
}

export const createPersonAction = familyAction({ schema: personSchema }, async ({ scope, input }) => {
  const person = await createPerson({ ...scope, input });
  return { status: "success", successMessage: "added", successValues: { name: person.name } };
});

/** Adds a person from the family page, then opens their page to build their contact tree. */
export const createPersonAndOpenAction = familyAction({ schema: personSchema }, async ({ scope, input }) => {
  const person = await createPerson({ ...scope, input });
  redirect(`/family/${scope.familyId}/people/${person.id}?added=1`);
});

export const updatePersonAction = familyAction({ bound: ["personId"], schema: personSchema }, async ({ scope, input }) => {
  const { phone } = await updatePerson({ ...scope, input });
  return { status: "success", successMessage: "saved", values: savedValues(input, phone) };
});

export const deletePersonAction = familyAction({ bound: ["personId"] }, async ({ scope }) => {
  await deletePerson(scope);
  redirect(`/family/${scope.familyId}`);
});

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

export const saveSecretWordsAction = familyAction({ schema: secretWordsSchema }, async ({ scope, input }) => {
  await saveSecretWords({ ...scope, input });
  return { status: "success", successMessage: "saved" };
});

export const checkSecretWordAction = familyAction({ schema: checkWordSchema }, async ({ scope, input }) => {
  const matches = await checkSecretWord({ ...scope, which: input.which, word: input.word });
  return { status: "success", successMessage: matches ? "matches" : "noMatch", values: { which: input.which } };
});

/** The family's name, country and language; `nextPath` continues the setup after saving. */
export const updateFamilyAction = familyAction(
  { bound: ["nextPath"], schema: createFamilySchema },
  async ({ scope: { nextPath, ...scope }, input }) => {
    await updateFamily({ ...scope, input });
    if (nextPath) redirect(nextPath);
    return { status: "success", successMessage: "saved", values: input };
  },
);

export const completeSetupAction = familyAction({}, async ({ scope }) => {
  await completeFamilySetup(scope);
  redirect(`/family/${scope.familyId}`);
});

export const deleteFamilyAction = familyAction({ schema: deleteFamilySchema, revalidate: () => null }, async ({ scope, input }) => {
  await deleteFamily({ ...scope, confirmName: input.confirmName });
  redirect("/");
});

export const updateEscalationDelaysAction = familyAction({ schema: escalationDelaysSchema }, async ({ scope, input }) => {
  await updateEscalationDelays({ ...scope, delays: input });
  return { status: "success", successMessage: "saved", values: asFormValues(input) };
});

export const updateAlertPhoneAction = familyAction({ schema: alertPhoneSchema }, async ({ scope, input }) => {
  const { phone } = await updateAlertPhone({ ...scope, phone: input.phone, phoneChoice: input.phoneChoice });
  return { status: "success", successMessage: "saved", values: { phone: phone ? formatPhone(phone) : "" } };
});
