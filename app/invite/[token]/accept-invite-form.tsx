"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/validation/form-state";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations("invite");
  const [state, action] = useActionState(acceptInviteAction.bind(null, token), initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <SubmitButton>{t("accept")}</SubmitButton>
    </form>
  );
}
