"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { assignContactAction } from "@/app/family/[familyId]/contacts/actions";
import { FormAlert } from "@/components/form/form-alert";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/validation/form-state";
import { tiers } from "@/lib/plan-options";

/** Adds a contact the family already has to this person's tree. */
export function AssignExistingContact({
  familyId,
  personId,
  contacts,
}: {
  familyId: string;
  personId: string;
  contacts: { id: string; label: string }[];
}) {
  const t = useTranslations("contacts");
  const [state, action] = useActionState(assignContactAction.bind(null, familyId, personId), initialFormState);
  if (contacts.length === 0) return null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <h4 className="text-lg font-semibold">{t("pickTitle")}</h4>
      <FormAlert state={state} />
      <SelectField name="contactId" label={t("pick")} options={contacts.map((contact) => ({ value: contact.id, label: contact.label }))} />
      <SelectField
        name="tier"
        label={t("tier")}
        defaultValue="1"
        errors={state.fieldErrors?.tier}
        options={tiers.map((tier) => ({ value: String(tier), label: String(tier) }))}
      />
      <SubmitButton variant="secondary">{t("addExisting")}</SubmitButton>
    </form>
  );
}
