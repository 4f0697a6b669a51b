"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { checkCallerWordAction, controlAction, saveNotesAction, tickStepAction } from "@/app/family/[familyId]/incidents/actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { TextareaField } from "@/components/form/textarea-field";
import { initialFormState } from "@/lib/validation/form-state";

type Ids = { familyId: string; incidentId: string };

/** A checklist step the adult taps to tick; every adult watching sees the same ticks. */
export function ChecklistStep({ familyId, incidentId, step, label, checked }: Ids & { step: string; label: string; checked: boolean }) {
  const [state, action, pending] = useActionState(tickStepAction.bind(null, familyId, incidentId), initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="checked" value={String(!checked)} />
      <button
        type="submit"
        aria-pressed={checked}
        disabled={pending}
        className="flex min-h-14 w-full items-center gap-3 rounded-xl border-2 border-gray-800 px-4 py-2 text-left text-lg font-semibold aria-pressed:border-brand-700 aria-pressed:bg-emerald-50"
      >
        <span aria-hidden className="text-2xl">
          {checked ? "☑" : "☐"}
        </span>
        {label}
      </button>
      <FormAlert state={state} />
    </form>
  );
}

export function CallerWordForm({ familyId, incidentId }: Ids) {
  const t = useTranslations("incident");
  const [state, action] = useActionState(checkCallerWordAction.bind(null, familyId, incidentId), initialFormState);
  return (
    <form action={action} autoComplete="off" className="flex flex-col gap-3">
      <FormAlert state={state} />
      <TextField name="word" type="password" label={t("callerWord")} autoComplete="off" errors={state.fieldErrors?.word} />
      <p role="status" aria-live="assertive" className="text-lg font-bold empty:hidden">
        {state.status === "success" && state.successMessage ? t(state.successMessage) : ""}
      </p>
      <SubmitButton variant="secondary">{t("check")}</SubmitButton>
    </form>
  );
}

export function NotesForm({ familyId, incidentId, notes }: Ids & { notes: { callerNumber: string; demands: string; paymentInstructions: string } }) {
  const t = useTranslations("incident");
  const [state, action] = useActionState(saveNotesAction.bind(null, familyId, incidentId), initialFormState);
  const values = state.values ?? notes;
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <TextField name="callerNumber" type="tel" label={t("callerNumber")} defaultValue={values.callerNumber} errors={state.fieldErrors?.callerNumber} maxLength={40} />
      <TextareaField name="demands" label={t("demands")} defaultValue={values.demands} errors={state.fieldErrors?.demands} maxLength={2000} />
      <TextareaField name="paymentInstructions" label={t("payment")} defaultValue={values.paymentInstructions} errors={state.fieldErrors?.paymentInstructions} maxLength={2000} />
      <FormSuccess state={state} namespace="incident" />
      <SubmitButton variant="secondary">{t("saveNotes")}</SubmitButton>
    </form>
  );
}

const outcomes = ["confirmed_safe", "false_alarm", "no_answer", "danger"] as const;

/** Pause, next wave, and the endings; once someone is in danger, "danger" is the only ending. */
export function IncidentControls({ familyId, incidentId, paused, canSendWave, inDanger }: Ids & { paused: boolean; canSendWave: boolean; inDanger: boolean }) {
  const t = useTranslations("incident");
  const [state, action, pending] = useActionState(controlAction.bind(null, familyId, incidentId), initialFormState);
  const button = "min-h-14 w-full rounded-xl border-2 border-gray-900 px-4 text-lg font-bold disabled:opacity-50";
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <button type="submit" name="intent" value={paused ? "resume" : "pause"} disabled={pending} className={button}>
        {paused ? t("resume") : t("pause")}
      </button>
      {canSendWave && (
        <button type="submit" name="intent" value="next" disabled={pending} className={button}>
          {t("nextWave")}
        </button>
      )}
      <h3 className="mt-2 text-lg font-bold">{t("endTitle")}</h3>
      {outcomes.filter((outcome) => !inDanger || outcome === "danger").map((outcome) => (
        <button key={outcome} type="submit" name="outcome" value={outcome} disabled={pending} className={outcome === "confirmed_safe" ? `${button} border-brand-700 bg-brand-700 text-white` : button}>
          {t(`outcome.${outcome}`)}
        </button>
      ))}
    </form>
  );
}
