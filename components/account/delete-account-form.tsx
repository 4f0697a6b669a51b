"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteAccountAction } from "@/app/account/actions";
import { FormAlert } from "@/components/form/form-alert";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

/** Deleting the account takes the current password. */
export function DeleteAccountForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} noValidate data-sign-out className="flex flex-col gap-3">
      <FormAlert state={state} />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-danger-700 px-5 text-lg font-semibold text-white">
        {t("delete")}
      </button>
    </form>
  );
}
