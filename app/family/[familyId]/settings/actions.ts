"use server";
// The family's details, timings and alert number, and its deletion. Made by familyAction
// (signed-in adults only); the data-access functions check the family and the role; failures
// come back as translated form messages.
import { redirect } from "next/navigation";
import { formatPhone } from "@/lib/phone";
import { familyAction } from "@/lib/server/actions/action-builders";
import { createFamilySchema } from "@/lib/validation/family";
import { asFormValues } from "../form-values";

/** The family's name, country and language; `nextPath` continues the setup after saving. */
export const updateFamilyAction = familyAction(
  { bound: ["nextPath"], schema: createFamilySchema },
  async ({ scope: { nextPath, ...scope }, input }) => {
    await updateFamily({ ...scope, input });
    if (nextPath) redirect(nextPath);
    return { status: "success", successMessage: "saved", values: input };
  },
);
import { deleteFamily, updateAlertPhone, updateEscalationDelays, updateFamily } from "@/lib/server/family/manage-family";
import { alertPhoneSchema, deleteFamilySchema, escalationDelaysSchema } from "@/lib/validation/plan";

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
