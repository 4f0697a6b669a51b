"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { checkCallerWordAction, controlAction, saveNotesAction, tickStepAction } from "@/app/family/[familyId]/incidents/actions";
import {
  enqueue,
  flush,
  hasQueued,
  isNetworkFailure,
  refreshKeptPage,
  useQueued,
  type Intent,
  type QueuedIntent,
} from "@/components/incident/offline-queue";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { TextareaField } from "@/components/form/textarea-field";
import { initialFormState, type FormState } from "@/lib/validation/form-state";

type Ids = { familyId: string; incidentId: string };

// Ticks and notes work without a network: queued on the phone, sent in order when it returns.
function send(intent: QueuedIntent): Promise<FormState> {
  const form = new FormData();
  if (intent.kind === "tick") {
    form.set("step", intent.step);
    form.set("checked", String(intent.checked));
    return tickStepAction(intent.familyId, intent.incidentId, initialFormState, form);
  }
  for (const [name, value] of Object.entries(intent.notes)) form.set(name, value);
  return saveNotesAction(intent.familyId, intent.incidentId, initialFormState, form);
}

const sendQueued = () => void flush(send);

/** Sends now, or queues when offline (or behind what is already queued, to keep the order). */
async function sendOrQueue(intent: Intent, now: () => Promise<FormState>): Promise<FormState | "queued"> {
  const queue = (): FormState | "queued" => {
    try {
      enqueue(intent);
      return "queued";
    } catch {
      return { status: "error", formError: "incident.offline" }; // no storage on this phone
    }
  };
  if (!navigator.onLine || hasQueued()) {
    const queued = queue();
    sendQueued();
    return queued;
  }
  try {
    const state = await now();
    if (state.status === "success") refreshKeptPage();
    return state;
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    return queue();
  }
}

/** What cannot wait for the network (the caller's word, the controls) says so instead of failing. */
function onlineOnly(action: (previous: FormState, formData: FormData) => Promise<FormState>) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const offline: FormState = { status: "error", formError: "incident.offline" };
    if (!navigator.onLine) return offline;
    try {
      return await action(previous, formData);
    } catch (error) {
      if (isNetworkFailure(error)) return offline;
      throw error;
    }
  };
}

function useReplayWhenOnline() {
  useEffect(() => {
    sendQueued();
    window.addEventListener("online", sendQueued);
    return () => window.removeEventListener("online", sendQueued);
  }, []);
}

/** A checklist step the adult taps to tick; every adult watching sees the same ticks. */
export function ChecklistStep({ familyId, incidentId, step, label, checked }: Ids & { step: string; label: string; checked: boolean }) {
  const t = useTranslations("incident");
  const queued = useQueued(incidentId).findLast((intent) => intent.kind === "tick" && intent.step === step);
  const shown = queued?.kind === "tick" ? queued.checked : checked;
  const [state, action, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const intent: Intent = { kind: "tick", familyId, incidentId, step, checked: formData.get("checked") === "true" };
    const result = await sendOrQueue(intent, () => tickStepAction(familyId, incidentId, previous, formData));
    return result === "queued" ? initialFormState : result;
  }, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="checked" value={String(!shown)} />
      <button
        type="submit"
        aria-pressed={shown}
        disabled={pending}
        className="flex min-h-14 w-full items-center gap-3 rounded-xl border-2 border-gray-800 px-4 py-2 text-left text-lg font-semibold aria-pressed:border-brand-700 aria-pressed:bg-emerald-50"
      >
        <span aria-hidden className="text-2xl">
          {shown ? "☑" : "☐"}
        </span>
        {label}
      </button>
      <p role="status" className="px-1 text-base font-medium text-gray-800 empty:hidden" data-testid="queued">
        {queued ? t("queued") : ""}
      </p>
      <FormAlert state={state} />
    </form>
  );
}

export function CallerWordForm({ familyId, incidentId }: Ids) {
  const t = useTranslations("incident");
  const [state, action] = useActionState(onlineOnly(checkCallerWordAction.bind(null, familyId, incidentId)), initialFormState);
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

export function NotesForm({
  familyId,
  incidentId,
  notes,
}: Ids & { notes: { callerNumber: string; demands: string; paymentInstructions: string } }) {
  const t = useTranslations("incident");
  useReplayWhenOnline();
  const queued = useQueued(incidentId).findLast((intent) => intent.kind === "notes");
  const [state, action] = useActionState(async (previous: FormState, formData: FormData): Promise<FormState> => {
    const typed = {
      callerNumber: String(formData.get("callerNumber") ?? ""),
      demands: String(formData.get("demands") ?? ""),
      paymentInstructions: String(formData.get("paymentInstructions") ?? ""),
    };
    const result = await sendOrQueue({ kind: "notes", familyId, incidentId, notes: typed }, () =>
      saveNotesAction(familyId, incidentId, previous, formData),
    );
    return result === "queued" ? { status: "idle", values: typed } : result;
  }, initialFormState);
  const values = state.values ?? (queued?.kind === "notes" ? queued.notes : notes);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <TextField
        name="callerNumber"
        type="tel"
        label={t("callerNumber")}
        defaultValue={values.callerNumber}
        errors={state.fieldErrors?.callerNumber}
        maxLength={40}
      />
      <TextareaField
        name="demands"
        label={t("demands")}
        defaultValue={values.demands}
        errors={state.fieldErrors?.demands}
        maxLength={2000}
      />
      <TextareaField
        name="paymentInstructions"
        label={t("payment")}
        defaultValue={values.paymentInstructions}
        errors={state.fieldErrors?.paymentInstructions}
        maxLength={2000}
      />
      <FormSuccess state={state} namespace="incident" />
      <p role="status" className="text-base font-semibold text-gray-800 empty:hidden" data-testid="queued-notes">
        {queued ? t("queuedNotes") : ""}
      </p>
      <SubmitButton variant="secondary">{t("saveNotes")}</SubmitButton>
    </form>
  );
}

const outcomes = ["confirmed_safe", "false_alarm", "no_answer", "danger"] as const;

/** Pause, next wave, and the endings; once someone is in danger, "danger" is the only ending. */
export function IncidentControls({
  familyId,
  incidentId,
  paused,
  canSendWave,
  inDanger,
}: Ids & { paused: boolean; canSendWave: boolean; inDanger: boolean }) {
  const t = useTranslations("incident");
  const [state, action, pending] = useActionState(onlineOnly(controlAction.bind(null, familyId, incidentId)), initialFormState);
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
      {outcomes
        .filter((outcome) => !inDanger || outcome === "danger")
        .map((outcome) => (
          <button
            key={outcome}
            type="submit"
            name="outcome"
            value={outcome}
            disabled={pending}
            className={outcome === "confirmed_safe" ? `${button} border-brand-700 bg-brand-700 text-white` : button}
          >
            {t(`outcome.${outcome}`)}
          </button>
        ))}
    </form>
  );
}
