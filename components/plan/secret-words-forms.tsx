"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { checkSecretWordAction, saveSecretWordsAction } from "@/app/family/[familyId]/plan-actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

/** Sets both words, or replaces either. The fields are never filled back in. */
export function SecretWordsForm({ familyId, replacing }: { familyId: string; replacing: boolean }) {
  const t = useTranslations("words");
  const [state, action] = useActionState(saveSecretWordsAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" autoComplete="off">
      <FormAlert state={state} />
      {replacing && <p className="text-base">{t("replaceHint")}</p>}
      <TextField name="safeWord" type="password" label={t("safeWord")} hint={t("safeWordHint")} autoComplete="off" required={!replacing} errors={state.fieldErrors?.safeWord} />
      <TextField name="duressWord" type="password" label={t("duressWord")} hint={t("duressWordHint")} autoComplete="off" required={!replacing} errors={state.fieldErrors?.duressWord} />
      <FormSuccess state={state} namespace="words" />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

/** Checks a typed word against the stored hash: "matches" or "does not match", nothing more. */
export function CheckWordForm({ familyId }: { familyId: string }) {
  const t = useTranslations("words");
  const [state, action] = useActionState(checkSecretWordAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" autoComplete="off">
      <h3 className="text-lg font-bold">{t("checkTitle")}</h3>
      <FormAlert state={state} />
      <SelectField
        name="which"
        label={t("checkWhich")}
        defaultValue={state.values?.which ?? "safe"}
        errors={state.fieldErrors?.which}
        options={[
          { value: "safe", label: t("checkSafe") },
          { value: "duress", label: t("checkDuress") },
        ]}
      />
      <TextField name="word" type="password" label={t("checkWord")} autoComplete="off" errors={state.fieldErrors?.word} />
      <FormSuccess state={state} namespace="words" />
      <SubmitButton variant="secondary">{t("check")}</SubmitButton>
    </form>
  );
}
