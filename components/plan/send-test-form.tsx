"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { sendTestCheckInAction } from "@/app/family/[familyId]/test-actions";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/validation/form-state";

export function SendTestForm({
  familyId,
  kind,
  id,
  label,
}: {
  familyId: string;
  kind: "person" | "contact" | "everyone";
  id?: string;
  label: string;
}) {
  const t = useTranslations("tests");
  const [state, action] = useActionState(sendTestCheckInAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="kind" value={kind} />
      {id && <input type="hidden" name="id" value={id} />}
      <FormAlert state={state} />
      <SubmitButton variant={kind === "everyone" ? "primary" : "secondary"}>{label}</SubmitButton>
      {kind === "everyone" && (
        <p role="status" className="text-base font-semibold text-brand-800 empty:hidden">
          {state.status === "success" ? t("sentCount", { count: Number(state.successValues?.count ?? 0) }) : ""}
        </p>
      )}
    </form>
  );
}
