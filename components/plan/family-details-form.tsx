"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateFamilyAction } from "@/app/family/[familyId]/settings/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { locales } from "@/lib/i18n/config";
import { countries } from "@/lib/plan-options";
import { initialFormState } from "@/lib/validation/form-state";

type Family = { id: string; name: string; country: string; locale: string };

/** Edits the family's name, country and language; `nextPath` continues the setup after saving. */
export function FamilyDetailsForm({ family, nextPath, submitLabel }: { family: Family; nextPath: string | null; submitLabel: string }) {
  const t = useTranslations("onboarding");
  const common = useTranslations("common");
  const [state, action] = useActionState(updateFamilyAction.bind(null, family.id, nextPath), initialFormState);
  const values = state.values ?? family;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <TextField name="name" label={t("name")} required maxLength={80} defaultValue={values.name} errors={state.fieldErrors?.name} />
      <SelectField
        name="country"
        label={t("country")}
        hint={t("countryHint")}
        defaultValue={values.country}
        errors={state.fieldErrors?.country}
        options={countries.map((code) => ({ value: code, label: common(`countryName.${code}`) }))}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        hint={t("localeHint")}
        defaultValue={values.locale}
        errors={state.fieldErrors?.locale}
        options={locales.map((code) => ({ value: code, label: common(`languageName.${code}`) }))}
      />
      <FormSuccess state={state} namespace="settings" />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
