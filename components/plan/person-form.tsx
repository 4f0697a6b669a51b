"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createPersonAction, createPersonAndOpenAction, updatePersonAction } from "@/app/family/[familyId]/people/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { PhoneField } from "@/components/form/phone-field";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { TextareaField } from "@/components/form/textarea-field";
import { locales } from "@/lib/i18n/config";
import { initialFormState } from "@/lib/validation/form-state";

type PersonValues = { name: string; phone: string; locale: string; notes: string };

/** Adds a person (no `personId`; with `openAfterAdd`, then opens their page) or edits one. */
export function PersonForm(props: {
  familyId: string;
  personId?: string;
  person?: PersonValues;
  defaultLocale: string;
  openAfterAdd?: boolean;
}) {
  const { familyId, personId, person, defaultLocale } = props;
  const t = useTranslations("people");
  const common = useTranslations("common");
  const action = personId
    ? updatePersonAction.bind(null, familyId, personId)
    : (props.openAfterAdd ? createPersonAndOpenAction : createPersonAction).bind(null, familyId);
  const [state, formAction] = useActionState(action, initialFormState);
  const values = state.values ?? person;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <TextField
        name="name"
        label={t("name")}
        autoComplete="off"
        required
        maxLength={80}
        defaultValue={values?.name}
        errors={state.fieldErrors?.name}
      />
      <PhoneField label={t("phone")} hint={t("phoneHint")} required defaultValue={values?.phone} state={state} />
      <SelectField
        name="locale"
        label={t("locale")}
        defaultValue={values?.locale ?? defaultLocale}
        errors={state.fieldErrors?.locale}
        options={locales.map((code) => ({ value: code, label: common(`languageName.${code}`) }))}
      />
      <TextareaField
        name="notes"
        label={t("notes")}
        hint={t("notesHint")}
        maxLength={500}
        defaultValue={values?.notes}
        errors={state.fieldErrors?.notes}
      />
      <FormSuccess state={state} namespace="people" />
      <SubmitButton>{personId ? t("save") : t("add")}</SubmitButton>
    </form>
  );
}
