"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addCompanionAction } from "@/app/family/[familyId]/travel-actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { PhoneField } from "@/components/form/phone-field";
import { LocaleField } from "@/components/form/locale-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

/** Adds someone travelling with the person: asked by text in the first wave during the trip. */
export function CompanionForm(props: { familyId: string; tripId: string; defaultLocale: string }) {
  const t = useTranslations("travel");
  const [state, formAction] = useActionState(addCompanionAction.bind(null, props.familyId, props.tripId), initialFormState);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <TextField
        name="name"
        label={t("companionName")}
        required
        maxLength={80}
        autoComplete="off"
        defaultValue={values?.name}
        errors={state.fieldErrors?.name}
      />
      <PhoneField label={t("companionPhone")} required defaultValue={values?.phone} state={state} />
      <LocaleField
        name="locale"
        label={t("companionLocale")}
        defaultValue={values?.locale ?? props.defaultLocale}
        errors={state.fieldErrors?.locale}
      />
      <FormSuccess state={state} namespace="travel" focus />
      <SubmitButton variant="secondary">{t("saveCompanion")}</SubmitButton>
    </form>
  );
}
