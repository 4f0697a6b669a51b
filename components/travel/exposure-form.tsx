"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { saveExposureAction, sendExposureTipsAction } from "@/app/family/[familyId]/travel-actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SubmitButton } from "@/components/form/submit-button";
import { useErrorMessage } from "@/components/form/use-error-message";
import { exposureAnswers, exposureQuestions, type ExposureAnswers, type ExposureQuestion } from "@/lib/travel/exposure";
import { initialFormState } from "@/lib/validation/form-state";

function Question(props: { question: ExposureQuestion; name: string; defaultValue?: string; errors?: string[] }) {
  const t = useTranslations("travel");
  const translate = useErrorMessage();
  const id = useId();
  const errorId = props.errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId} data-testid={`exposure-${props.question}`}>
      <legend className="mb-1 text-base font-semibold">{t(`questions.${props.question}`, { name: props.name })}</legend>
      <div className="flex flex-wrap gap-2">
        {exposureAnswers.map((answer) => (
          <label
            key={answer}
            className="flex min-h-12 items-center gap-3 rounded-lg border-2 border-gray-400 px-4 text-lg has-checked:border-brand-700 has-checked:bg-emerald-50"
          >
            <input
              type="radio"
              name={props.question}
              value={answer}
              defaultChecked={props.defaultValue === answer}
              required
              className="size-6 shrink-0"
            />
            {t(`answer.${answer}`)}
          </label>
        ))}
      </div>
      {errorId && (
        <p id={errorId} className="text-base font-medium text-danger-700">
          {props.errors!.map((key) => translate(key)).join(" ")}
        </p>
      )}
    </fieldset>
  );
}

/** The guided exposure review of one person: four questions, answered yes, no or not sure. */
export function ExposureForm(props: { familyId: string; personId: string; name: string; previous?: ExposureAnswers }) {
  const t = useTranslations("travel");
  const [state, formAction] = useActionState(saveExposureAction.bind(null, props.familyId, props.personId), initialFormState);
  const values = state.status === "error" ? state.values : props.previous;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <FormAlert state={state} />
      {exposureQuestions.map((question) => (
        <Question
          key={question}
          question={question}
          name={props.name}
          defaultValue={values?.[question]}
          errors={state.fieldErrors?.[question]}
        />
      ))}
      <FormSuccess state={state} namespace="travel" focus />
      <SubmitButton>{t("saveExposure")}</SubmitButton>
    </form>
  );
}

/** An adult sends the person the steps of their latest check by text (never on its own). */
export function SendExposureTipsForm(props: { familyId: string; personId: string; name: string }) {
  const t = useTranslations("travel");
  const [state, formAction] = useActionState(sendExposureTipsAction.bind(null, props.familyId, props.personId), initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="exposure-tips">
      <p>{t("sendTipsLead")}</p>
      <FormAlert state={state} />
      <FormSuccess state={state} namespace="travel" />
      <SubmitButton>{t("sendTips", { name: props.name })}</SubmitButton>
    </form>
  );
}
