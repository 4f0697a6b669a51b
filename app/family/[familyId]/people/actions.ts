"use server";
// People to protect. Made by familyAction (signed-in adults only); the data-access
// functions check the family and the role; failures come back as translated form messages.
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { createPerson, deletePerson, updatePerson } from "@/lib/server/people/people";
import { savedValues } from "../form-values";
import { personSchema } from "@/lib/validation/plan";

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
