import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setupSteps, type SetupStep } from "@/lib/server/plan/get-plan-overview";

/** Where the user is in the guided setup; every step can be revisited. */
export async function SetupStepper({
  familyId,
  current,
  done,
}: {
  familyId: string;
  current: SetupStep;
  done: Record<SetupStep, boolean>;
}) {
  const t = await getTranslations("setup");
  return (
    <nav aria-label={t("title")} className="no-print">
      <p className="mb-2 text-base font-semibold">{t("stepOf", { current: setupSteps.indexOf(current) + 1, total: setupSteps.length })}</p>
      <ol className="flex flex-wrap gap-2">
        {setupSteps.map((step, index) => (
          <li key={step}>
            <Link
              href={`/family/${familyId}/setup/${step}`}
              aria-current={step === current ? "step" : undefined}
              className="flex min-h-11 items-center gap-1 rounded-full border-2 border-gray-300 px-3 text-base font-semibold aria-[current=step]:border-brand-700 aria-[current=step]:bg-brand-700 aria-[current=step]:text-white"
            >
              {index + 1}. {t(`steps.${step}`)}
              {done[step] && step !== current && (
                <span>
                  {" "}
                  ✓<span className="sr-only"> ({t("done")})</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
