"use server";
// Server actions of the family plan. Each checks the session; the data-access functions check
// the family and the role. Every failure comes back as a translated form message.
import { redirect } from "next/navigation";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { assignContact, changeContactTier, moveContactWithinTier, removeContactFromTree } from "@/lib/server/contacts/contact-tree";
import { createContact, deleteContact, updateContact } from "@/lib/server/contacts/contacts";
import { completeFamilySetup, deleteFamily, updateAlertPhone, updateEscalationDelays, updateFamily } from "@/lib/server/family/manage-family";
import { createPerson, deletePerson, updatePerson } from "@/lib/server/people/people";
import { checkSecretWord, saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { createFamilySchema } from "@/lib/validation/family";
import { parseForm, type FormState } from "@/lib/validation/form-state";
import { alertPhoneSchema, assignmentSchema, checkWordSchema, contactSchema, deleteFamilySchema, escalationDelaysSchema, personSchema, secretWordsSchema, tierSchema } from "@/lib/validation/plan";
import { settleFormAction, type Scope } from "./run-form-action";

/** Runs `work` for the signed-in adult and turns its failure into the form's state. */
function attempt(familyId: string, formData: FormData, work: (scope: Scope) => Promise<FormState | void>): Promise<FormState> {
  return settleFormAction(familyId, formData, () => requireSession(`/family/${familyId}`), work);
}

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

export async function createPersonAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const person = await createPerson({ ...s, input: parsed.data });
    return { status: "success", successMessage: "added", successValues: { name: person.name } };
  });
}

/** Adds a person from the family page, then opens their page to build their contact tree. */
export async function createPersonAndOpenAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return parsed.state;
  let personId: string | null = null;
  const state = await attempt(familyId, formData, async (s) => {
    personId = (await createPerson({ ...s, input: parsed.data })).id;
  });
  if (state.status === "success" && personId) redirect(`/family/${familyId}/people/${personId}?added=1`);
  return state;
}

export async function updatePersonAction(familyId: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const { phone } = await updatePerson({ ...s, personId, input: parsed.data });
    return { status: "success", successMessage: "saved", values: savedValues(parsed.data, phone) };
  });
}

export async function deletePersonAction(familyId: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const state = await attempt(familyId, formData, (s) => deletePerson({ ...s, personId }));
  if (state.status === "success") redirect(`/family/${familyId}`);
  return state;
}

export async function createContactAction(familyId: string, personId: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(contactSchema, formData);
  const tier = tierSchema.safeParse(formData.get("tier") ?? 1);
  if (!parsed.ok) return parsed.state;
  if (!tier.success) return { status: "error", fieldErrors: { tier: ["tier.invalid"] } };
  return attempt(familyId, formData, async (s): Promise<FormState> => {
    const contact = await createContact({ ...s, input: parsed.data, assignTo: personId ? { personId, tier: tier.data } : undefined });
    return personId
      ? { status: "success", successMessage: "addedToTier", successValues: { name: contact.name, tier: String(tier.data) } }
      : { status: "success", successMessage: "added", successValues: { name: contact.name } };
  });
}

export async function updateContactAction(familyId: string, contactId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(contactSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const { phone } = await updateContact({ ...s, contactId, input: parsed.data });
    return { status: "success", successMessage: "saved", values: savedValues(parsed.data, phone) };
  });
}

export async function deleteContactAction(familyId: string, contactId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const state = await attempt(familyId, formData, (s) => deleteContact({ ...s, contactId }));
  if (state.status === "success") redirect(`/family/${familyId}/contacts`);
  return state;
}

export async function assignContactAction(familyId: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(assignmentSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, (s) => assignContact({ ...s, personId, contactId: String(formData.get("contactId") ?? ""), tier: parsed.data.tier }).then(() => undefined));
}

/** One form per tree entry: move up, move down, change tier, or remove. */
export async function updateTreeEntryAction(familyId: string, assignmentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const intent = formData.get("intent");
  return attempt(familyId, formData, async (s) => {
    if (intent === "up" || intent === "down") return moveContactWithinTier({ ...s, assignmentId, direction: intent });
    if (intent === "remove") return removeContactFromTree({ ...s, assignmentId });
    const tier = tierSchema.safeParse(formData.get("tier"));
    if (!tier.success) return { status: "error", fieldErrors: { tier: ["tier.invalid"] } };
    return changeContactTier({ ...s, assignmentId, tier: tier.data });
  });
}

export async function saveSecretWordsAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(secretWordsSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    await saveSecretWords({ ...s, input: parsed.data });
    return { status: "success", successMessage: "saved" };
  });
}

export async function checkSecretWordAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(checkWordSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const matches = await checkSecretWord({ ...s, which: parsed.data.which, word: parsed.data.word });
    return { status: "success", successMessage: matches ? "matches" : "noMatch", values: { which: parsed.data.which } };
  });
}

export async function updateFamilyAction(familyId: string, nextPath: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(createFamilySchema, formData);
  if (!parsed.ok) return parsed.state;
  const state = await attempt(familyId, formData, async (s) => {
    await updateFamily({ ...s, input: parsed.data });
    return { status: "success", successMessage: "saved", values: parsed.data };
  });
  if (state.status === "success" && nextPath) redirect(nextPath);
  return state;
}

export async function completeSetupAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const state = await attempt(familyId, formData, (s) => completeFamilySetup(s));
  if (state.status === "success") redirect(`/family/${familyId}`);
  return state;
}

export async function deleteFamilyAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(deleteFamilySchema, formData);
  if (!parsed.ok) return parsed.state;
  const state = await attempt(familyId, formData, (s) => deleteFamily({ ...s, confirmName: parsed.data.confirmName }));
  if (state.status === "success") redirect("/");
  return state;
}

export async function updateEscalationDelaysAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(escalationDelaysSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    await updateEscalationDelays({ ...s, delays: parsed.data });
    return { status: "success", successMessage: "saved", values: asFormValues(parsed.data) };
  });
}

export async function updateAlertPhoneAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(alertPhoneSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const { phone } = await updateAlertPhone({ ...s, phone: parsed.data.phone, phoneChoice: parsed.data.phoneChoice });
    return { status: "success", successMessage: "saved", values: { phone: phone ? formatPhone(phone) : "" } };
  });
}
