"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteFamilyAction } from "@/app/family/[familyId]/settings/actions";
import { FormAlert } from "@/components/form/form-alert";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

/** Deleting everything takes typing the family's name. */
export function DeleteFamilyForm({ familyId }: { familyId: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(deleteFamilyAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <FormAlert state={state} />
      <TextField name="confirmName" label={t("confirmName")} autoComplete="off" errors={state.fieldErrors?.confirmName} />
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-danger-700 px-5 text-lg font-semibold text-white">
        {t("delete")}
      </button>
    </form>
  );
}
