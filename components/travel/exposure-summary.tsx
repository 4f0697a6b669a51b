import { getFormatter, getTranslations } from "next-intl/server";
import type { ExposureSummary } from "@/lib/server/exposure/exposure-checks";

const levelStyle = { low: "text-brand-800", medium: "text-yellow-900", high: "text-danger-700" } as const;

/** A person's exposure level, when it was checked, and the concrete next step for each yes. */
export async function ExposureSummaryView({ exposure }: { exposure: ExposureSummary | null }) {
  const [t, format] = await Promise.all([getTranslations("travel"), getFormatter()]);
  if (!exposure) return <p className="font-semibold text-danger-700">⚠ {t("notChecked")}</p>;
  return (
    <div className="flex flex-col gap-2 rounded-xl border-2 border-gray-300 p-4" data-testid="exposure-summary">
      <p className={`text-xl font-bold ${levelStyle[exposure.level]}`}>{t("levelLabel", { level: t(`level.${exposure.level}`) })}</p>
      <p>{t("checkedOn", { date: format.dateTime(exposure.checkedAt, { dateStyle: "medium" }) })}</p>
      {exposure.due && <p className="font-semibold text-danger-700">⚠ {t("checkDue")}</p>}
      {exposure.nextSteps.length > 0 && (
        <>
          <h3 className="font-semibold">{t("nextStepsTitle")}</h3>
          <ul className="list-disc pl-6" data-testid="exposure-steps">
            {exposure.nextSteps.map(({ question, answer }) => (
              <li key={question}>{answer === "unsure" ? t("checkThis", { step: t(`steps.${question}`) }) : t(`steps.${question}`)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
