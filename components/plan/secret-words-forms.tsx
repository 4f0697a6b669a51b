"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { checkSecretWordAction, saveSecretWordsAction } from "@/app/family/[familyId]/words/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { initialFormState } from "@/lib/validation/form-state";

const wordRules = ["name", "keyword", "common", "close"] as const;

/** What the setup refuses, listed before the fields so it is read before typing. */
function WordRules() {
  const t = useTranslations("words");
  const titleId = useId();
  return (
    <div className="flex flex-col gap-1 text-base">
      <p id={titleId} className="font-semibold">
        {t("rulesTitle")}
      </p>
      <ul aria-labelledby={titleId} className="list-disc ps-6">
        {wordRules.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Sets both words, or replaces them: both are typed every time, since how close the two are can
 * only be checked in clear. The fields are never filled back in.
 */
export function SecretWordsForm({ familyId, replacing }: { familyId: string; replacing: boolean }) {
  const t = useTranslations("words");
  const [state, action] = useActionState(saveSecretWordsAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" autoComplete="off">
      <FormAlert state={state} />
      {replacing && <p className="text-base">{t("bothEachTime")}</p>}
      <WordRules />
      <TextField
        name="safeWord"
        type="password"
        label={t("safeWord")}
        hint={t("safeWordHint")}
        autoComplete="off"
        required
        errors={state.fieldErrors?.safeWord}
      />
      <TextField
        name="duressWord"
        type="password"
        label={t("duressWord")}
        hint={t("duressWordHint")}
        autoComplete="off"
        required
        errors={state.fieldErrors?.duressWord}
      />
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
