"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { locales } from "@/lib/i18n/config";
import { countries } from "@/lib/plan-options";
import { initialFormState } from "@/lib/validation/form-state";
import { createFamilyAction } from "./actions";

export function CreateFamilyForm() {
  const t = useTranslations("onboarding");
  const common = useTranslations("common");
  const locale = useLocale();
  const [state, action] = useActionState(createFamilyAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormAlert state={state} />
      <TextField
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={80}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <SelectField
        name="country"
        label={t("country")}
        hint={t("countryHint")}
        defaultValue={state.values?.country ?? (locale === "en" ? "US" : "MX")}
        errors={state.fieldErrors?.country}
        options={countries.map((code) => ({ value: code, label: common(`countryName.${code}`) }))}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        hint={t("localeHint")}
        defaultValue={state.values?.locale ?? locale}
        errors={state.fieldErrors?.locale}
        options={locales.map((code) => ({ value: code, label: common(`languageName.${code}`) }))}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
