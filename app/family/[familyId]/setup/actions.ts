"use server";
// Finishing the guided setup. familyAction: signed-in adults only; the data-access functions check the
// family and the role; every failure comes back as a translated form message.
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { completeFamilySetup } from "@/lib/server/family/manage-family";

export const completeSetupAction = familyAction({}, async ({ scope }) => {
  await completeFamilySetup(scope);
  redirect(`/family/${scope.familyId}`);
});
