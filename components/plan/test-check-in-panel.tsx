import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { formatPhone } from "@/lib/phone";
import type { listTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { SendTestForm } from "./send-test-form";

type Tests = Awaited<ReturnType<typeof listTestCheckIns>>;
type Line = { kind: "person" | "contact"; id: string; name: string; phone: string };

const stateStyle: Record<string, string> = {
  replied: "text-brand-800",
  delivered: "text-gray-900",
  sending: "text-gray-900",
  failed: "text-danger-700",
  optedOut: "text-danger-700",
};

/** Every number of the plan with the result of its latest test, and buttons to test again. */
export async function TestCheckInPanel({
  familyId,
  lines,
  tests,
  canEdit,
}: {
  familyId: string;
  lines: Line[];
  tests: Tests;
  canEdit: boolean;
}) {
  const t = await getTranslations("tests");
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="tests-title" className="flex flex-col gap-3 rounded-xl border-2 border-gray-200 p-4">
      <AutoRefresh active={tests.awaitingUpdate} />
      <h2 id="tests-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      {canEdit && <SendTestForm familyId={familyId} kind="everyone" label={t("sendAll")} />}
      <ul className="flex flex-col gap-2" data-testid="test-results">
        {lines.map((line) => {
          const test = tests.byPhone.get(line.phone);
          const state = tests.optedOut.has(line.phone) ? "optedOut" : test?.state;
          return (
            <li key={`${line.kind}-${line.id}`} className="flex flex-col gap-2 rounded-lg bg-gray-50 p-3" data-phone={line.phone}>
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-semibold">
                  {line.name} <span className="font-normal">({t(line.kind)})</span>
                </span>
                <span dir="ltr">{formatPhone(line.phone)}</span>
              </div>
              <p className={`font-semibold ${state ? stateStyle[state] : ""}`} data-testid="test-state">
                {state ? t(`state.${state}`) : t("never")}
              </p>
              {canEdit && <SendTestForm familyId={familyId} kind={line.kind} id={line.id} label={t("send", { name: line.name })} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
