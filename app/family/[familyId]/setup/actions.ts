"use server";
// Finishing the guided setup. Made by familyAction (signed-in adults only); the data-access
// functions check the family and the role; failures come back as translated form messages.
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { completeFamilySetup } from "@/lib/server/family/manage-family";

export const completeSetupAction = familyAction({}, async ({ scope }) => {
  await completeFamilySetup(scope);
  redirect(`/family/${scope.familyId}`);
});
