"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createContactAction, updateContactAction } from "@/app/family/[familyId]/contacts/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { PhoneField } from "@/components/form/phone-field";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { locales } from "@/lib/i18n/config";
import { initialFormState } from "@/lib/validation/form-state";
import { channels, relationships, tiers } from "@/lib/plan-options";

type ContactValues = { name: string; phone: string; locale: string; relationship: string; channel: string };

/** Creates a contact into a person's tree (`personId`), or edits a contact (`contactId`). */
export function ContactForm(props: {
  familyId: string;
  personId?: string;
  contactId?: string;
  contact?: ContactValues;
  defaultLocale: string;
}) {
  const t = useTranslations("contacts");
  const common = useTranslations("common");
  const action = props.contactId
    ? updateContactAction.bind(null, props.familyId, props.contactId)
    : createContactAction.bind(null, props.familyId, props.personId ?? null);
  const [state, formAction] = useActionState(action, initialFormState);
  const values = state.values ?? props.contact;
  const creating = !props.contactId;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      {creating && <FormSuccess state={state} namespace="contacts" focus />}
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
        name="relationship"
        label={t("relationship")}
        defaultValue={values?.relationship ?? "friend"}
        errors={state.fieldErrors?.relationship}
        options={relationships.map((value) => ({ value, label: t(`relationshipName.${value}`) }))}
      />
      <SelectField
        name="channel"
        label={t("channel")}
        defaultValue={values?.channel ?? "sms"}
        errors={state.fieldErrors?.channel}
        options={channels.map((value) => ({ value, label: t(`channelName.${value}`) }))}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        defaultValue={values?.locale ?? props.defaultLocale}
        errors={state.fieldErrors?.locale}
        options={locales.map((code) => ({ value: code, label: common(`languageName.${code}`) }))}
      />
      {props.personId && (
        <SelectField
          name="tier"
          label={t("tier")}
          hint={t("tierHint")}
          defaultValue={state.values?.tier ?? "1"}
          errors={state.fieldErrors?.tier}
          options={tiers.map((tier) => ({ value: String(tier), label: String(tier) }))}
        />
      )}
      {!creating && <FormSuccess state={state} namespace="contacts" />}
      <SubmitButton>{props.contactId ? t("save") : t("add")}</SubmitButton>
    </form>
  );
}
