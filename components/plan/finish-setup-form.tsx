"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeSetupAction } from "@/app/family/[familyId]/setup/actions";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/validation/form-state";

export function FinishSetupForm({ familyId }: { familyId: string }) {
  const t = useTranslations("setup");
  const [state, action] = useActionState(completeSetupAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <SubmitButton>{t("finish")}</SubmitButton>
    </form>
  );
}
