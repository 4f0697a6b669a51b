"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateAlertPhoneAction, updateEscalationDelaysAction } from "@/app/family/[familyId]/settings/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { PhoneField } from "@/components/form/phone-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

type Delays = { callDelaySeconds: number; tier1DelaySeconds: number; tier2DelaySeconds: number; tier3DelaySeconds: number };
const fields = [
  ["callDelaySeconds", "callDelay"],
  ["tier1DelaySeconds", "tier1Delay"],
  ["tier2DelaySeconds", "tier2Delay"],
  ["tier3DelaySeconds", "tier3Delay"],
] as const;

export function EscalationDelaysForm({ familyId, delays }: { familyId: string; delays: Delays }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updateEscalationDelaysAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      {fields.map(([name, label]) => (
        <TextField
          key={name}
          name={name}
          label={t(label)}
          defaultValue={state.values?.[name] ?? String(delays[name])}
          errors={state.fieldErrors?.[name]}
          maxLength={4}
        />
      ))}
      <FormSuccess state={state} namespace="settings" />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

export function AlertPhoneForm({ familyId, phone }: { familyId: string; phone: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updateAlertPhoneAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <PhoneField label={t("alertPhone")} hint={t("alertPhoneHint")} defaultValue={state.values?.phone ?? phone} state={state} />
      <FormSuccess state={state} namespace="settings" />
      <SubmitButton variant="secondary">{t("save")}</SubmitButton>
    </form>
  );
}
