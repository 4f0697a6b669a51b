"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";
import { signUpAction } from "../actions";

export function SignUpForm({ next }: { next: string }) {
  const t = useTranslations("signUp");
  const [state, action] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
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
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
