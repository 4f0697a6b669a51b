"use client";
// "Check a number": paste a number (or an account), see what is known, report it or withdraw
// the family's report. The server normalizes, validates, looks up and translates.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { checkIdentifierAction, reportIdentifierAction, withdrawReportAction } from "@/app/family/[familyId]/callers/actions";
import { CallerResultView, looksComplete, useDebouncedCheck } from "@/components/incident/caller-check";

const kinds = ["phone", "auto", "clabe", "card", "store_reference", "crypto"] as const;
const field = "min-h-14 w-full rounded-xl border-2 border-gray-900 px-4 text-xl";
const button = "min-h-14 rounded-xl border-2 border-gray-900 px-4 font-semibold";

export function NumberCheck({ familyId }: { familyId: string }) {
  const t = useTranslations("callers");
  const errors = useTranslations("errors");
  const router = useRouter();
  const offline = () => ({ status: "error" as const, error: errors("incident.offline") });
  const [value, setValue] = useState("");
  const [kind, setKind] = useState<(typeof kinds)[number]>("phone");
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useDebouncedCheck((typed: string) => checkIdentifierAction(familyId, { value: typed, kind }), offline);
  const result = check.result;

  const checkNow = (typed: string, now = false) => {
    setNotice(null);
    if (!typed.trim()) return check.clear();
    if (now || kind !== "phone" || looksComplete(typed)) check.schedule(typed, now);
  };

  const report = async () => {
    setBusy(true);
    const answer = await reportIdentifierAction(familyId, { value, kind }).catch(offline);
    setBusy(false);
    check.setResult(answer);
    if (answer.status === "ok") {
      setNotice(t("reported"));
      router.refresh();
    }
  };

  const withdraw = async (hash: string) => {
    setBusy(true);
    const answer = await withdrawReportAction(familyId, hash).catch(offline);
    setBusy(false);
    if (answer.status === "error") return check.setResult(answer);
    setNotice(t("withdrawn"));
    check.schedule(value, true);
    router.refresh();
  };

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        checkNow(value, true);
      }}
    >
      <label htmlFor="check-kind" className="font-semibold">
        {t("kindLabel")}
      </label>
      <select
        id="check-kind"
        className={field}
        value={kind}
        onChange={(event) => {
          setKind(event.currentTarget.value as (typeof kinds)[number]);
          check.clear();
        }}
      >
        {kinds.map((option) => (
          <option key={option} value={option}>
            {t(`kind.${option}`)}
          </option>
        ))}
      </select>
      <label htmlFor="check-value" className="font-semibold">
        {t("valueLabel")}
      </label>
      <p id="check-value-hint" className="text-base text-gray-700">
        {t("numberHint")}
      </p>
      <div className="flex gap-2">
        <input
          id="check-value"
          type={kind === "phone" ? "tel" : "text"}
          inputMode={kind === "phone" ? "tel" : "text"}
          autoComplete="off"
          maxLength={120}
          dir="ltr"
          aria-describedby="check-value-hint"
          className={field}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            checkNow(event.currentTarget.value);
          }}
        />
        <button type="submit" className={`${button} bg-gray-900 text-white`}>
          {t("title")}
        </button>
      </div>
      <CallerResultView result={result} pending={check.pending} testId="check-result" />
      <p role="status" className="font-semibold text-green-900">
        {notice}
      </p>
      {result?.status === "ok" && !check.pending && (
        <div className="flex flex-col gap-2">
          {result.reportedByFamily ? (
            <button type="button" className={`${button} self-start`} disabled={busy} onClick={() => void withdraw(result.hash)}>
              {t("withdraw")}
            </button>
          ) : (
            <>
              <p className="text-base text-gray-700">{t("reportLead")}</p>
              <button type="button" className={`${button} self-start bg-red-800 text-white`} disabled={busy} onClick={() => void report()}>
                {t("report")}
              </button>
            </>
          )}
        </div>
      )}
    </form>
  );
}
