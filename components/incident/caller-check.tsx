"use client";
// The live screen's "who is calling": the caller's number, checked against what other families
// reported while it is typed, and the payment details they dictate. Kept small for the live
// page's JavaScript budget: normalizing, validating and translating happen on the server.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { addIncidentPaymentAction, removeIncidentPaymentAction, saveIncidentCallerAction } from "@/app/family/[familyId]/callers/actions";
import type { CallerResult, IncidentCallerInitial, IncidentPaymentView } from "./caller-view";

const paymentKinds = ["auto", "clabe", "card", "store_reference", "crypto"] as const;
const field = "min-h-14 w-full rounded-xl border-2 border-gray-900 px-4 text-xl";
const button = "min-h-14 rounded-xl border-2 border-gray-900 px-4 font-semibold";

/** A number is looked up once it has enough digits to be one, or when the field is left. */
export const looksComplete = (value: string) => value.replace(/\D/g, "").length >= 8;

/**
 * Runs `check` on what was typed after a short pause; an older answer never replaces a newer
 * one. A lost connection is said in words, like every other failure.
 */
export function useDebouncedCheck<T>(check: (value: string) => Promise<T>, offline: () => T, delayMs = 300) {
  const [result, setResult] = useState<T | null>(null);
  const [pending, setPending] = useState(false);
  const sequence = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const run = async (value: string, id: number) => {
    let answer: T;
    try {
      answer = await check(value);
    } catch {
      answer = offline();
    }
    if (id !== sequence.current) return;
    setResult(answer);
    setPending(false);
  };
  const schedule = (value: string, now = false) => {
    clearTimeout(timer.current);
    const id = ++sequence.current;
    setPending(true);
    if (now) void run(value, id);
    else timer.current = setTimeout(() => void run(value, id), delayMs);
  };
  const clear = () => {
    clearTimeout(timer.current);
    sequence.current++;
    setPending(false);
    setResult(null);
  };
  return { result, setResult, pending, schedule, clear };
}

/** The answer, announced politely to screen readers: the warning first, then the facts. */
export function CallerResultView({ result, pending, testId }: { result: CallerResult | null; pending: boolean; testId: string }) {
  const t = useTranslations("callers");
  return (
    <div aria-live="polite" aria-atomic="true" data-testid={testId} className="flex flex-col gap-2">
      {pending && <p>{t("checking")}</p>}
      {!pending && result?.status === "error" && <p className="font-semibold text-red-800">{result.error}</p>}
      {!pending && result?.status === "ok" && (
        <>
          {result.warning && (
            <p className="rounded-xl border-2 border-red-800 bg-red-50 p-3 text-xl font-bold text-red-900" data-testid="caller-warning">
              {result.warning}
            </p>
          )}
          <p>
            {result.kindLabel}: <bdi className="font-mono">{result.display}</bdi>
          </p>
          <ul className="flex flex-col gap-1">
            {result.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function IncidentCallers({
  familyId,
  incidentId,
  initial,
}: {
  familyId: string;
  incidentId: string;
  initial: IncidentCallerInitial;
}) {
  const t = useTranslations("callers");
  const errors = useTranslations("errors");
  const offline = () => ({ status: "error" as const, error: errors("incident.offline") });
  const [hidden, setHidden] = useState(initial.hidden);
  const number = useDebouncedCheck((value: string) => saveIncidentCallerAction(familyId, incidentId, { value, hidden: false }), offline);
  const result = number.result ?? initial.numberView;
  const [payments, setPayments] = useState<IncidentPaymentView[]>(initial.payments);
  const [paymentError, setPaymentError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const setHiddenNumber = async (next: boolean) => {
    setHidden(next);
    number.clear();
    await saveIncidentCallerAction(familyId, incidentId, { value: "", hidden: next }).catch(() => null);
  };

  const addPayment = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    setAdding(true);
    const answer = await addIncidentPaymentAction(familyId, incidentId, {
      value: String(data.get("value") ?? ""),
      kind: String(data.get("kind") ?? "auto"),
    }).catch(offline);
    setAdding(false);
    if ("status" in answer) return setPaymentError(answer.error);
    setPaymentError(null);
    setPayments((list) => [...list.filter((entry) => entry.id !== answer.id), answer]);
    form.reset();
  };

  const removePayment = async (id: string) => {
    const answer = await removeIncidentPaymentAction(familyId, incidentId, id).catch(offline);
    if (answer.status === "error") return setPaymentError(answer.error);
    setPayments((list) => list.filter((entry) => entry.id !== id));
  };

  return (
    <div className="flex flex-col gap-4" data-testid="incident-callers">
      <p>{t("liveLead")}</p>
      {hidden ? (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status">{t("hiddenSet")}</p>
          <button type="button" className={button} onClick={() => void setHiddenNumber(false)}>
            {t("showNumberField")}
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <label htmlFor="caller-number" className="font-semibold">
            {t("numberLabel")}
          </label>
          <p id="caller-number-hint" className="text-base text-gray-700">
            {t("numberHint")}
          </p>
          <input
            id="caller-number"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={40}
            dir="ltr"
            aria-describedby="caller-number-hint"
            defaultValue={initial.number}
            className={field}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (looksComplete(value)) number.schedule(value);
              else if (!value.trim()) number.schedule("");
            }}
            onBlur={(event) => {
              const value = event.currentTarget.value;
              if (value.trim() && !looksComplete(value)) number.schedule(value, true);
            }}
          />
          <button type="button" className={`${button} self-start`} onClick={() => void setHiddenNumber(true)}>
            {t("hidden")}
          </button>
          <CallerResultView result={result} pending={number.pending} testId="caller-result" />
        </div>
      )}

      <form
        className="flex flex-col gap-2"
        aria-labelledby="payment-title"
        onSubmit={(event) => {
          event.preventDefault();
          void addPayment(event.currentTarget);
        }}
      >
        <h3 id="payment-title" className="font-bold">
          {t("paymentTitle")}
        </h3>
        <label htmlFor="payment-kind" className="font-semibold">
          {t("kindLabel")}
        </label>
        <select id="payment-kind" name="kind" className={field} defaultValue="auto">
          {paymentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor="payment-value" className="font-semibold">
          {t("paymentLabel")}
        </label>
        <div className="flex gap-2">
          <input
            id="payment-value"
            name="value"
            autoComplete="off"
            maxLength={120}
            dir="ltr"
            className={field}
            aria-describedby="payment-error"
          />
          <button type="submit" className={`${button} bg-gray-900 text-white`} disabled={adding}>
            {t("add")}
          </button>
        </div>
        <p id="payment-error" aria-live="polite" className="font-semibold text-red-800">
          {paymentError}
        </p>
      </form>
      {payments.length > 0 && (
        <ul className="flex flex-col gap-3" data-testid="caller-payments">
          {payments.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-2 rounded-xl border-2 border-gray-300 p-3">
              <CallerResultView result={entry.view} pending={false} testId="payment-result" />
              <button type="button" className={`${button} self-start`} onClick={() => void removePayment(entry.id)}>
                {t("remove", { value: entry.view.display })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
