"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";
import { signInAction } from "../actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [state, action] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
