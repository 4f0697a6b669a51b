import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/plan/print-button";
import { CardTrips } from "@/components/travel/card-trips";
import { defaultSteps, onTheLineSteps, warningSigns } from "@/lib/guidance/call-guidance";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import { formatPhone } from "@/lib/phone";
import { tiers } from "@/lib/plan-options";
import { requireSession } from "@/lib/server/auth/session";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { getPlanOverview } from "@/lib/server/plan/get-plan-overview";

/**
 * The printable plan card: one page, in the family's language, never the secret words.
 * It is rendered in the family's language, whatever the reader's interface language.
 */
export default async function PlanCardPage({ params }: PageProps<"/family/[familyId]/card">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/card`);
  const plan = await getPlanOverview({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  const locale = plan.family.locale;
  const [t, guidance, contacts, format] = await Promise.all([
    getTranslations({ locale, namespace: "card" }),
    getTranslations({ locale, namespace: "guidance" }),
    getTranslations({ locale, namespace: "contacts" }),
    getFormatter({ locale }),
  ]);
  return (
    <article lang={locale === "es" ? "es-MX" : "en-US"} className="plan-card flex flex-col gap-4 text-base print:gap-2 print:text-[10.5pt]">
      <div className="no-print">
        <PrintButton label={t("print")} />
      </div>
      <h1 className="text-2xl font-bold print:text-[16pt]">{t("title", { family: plan.family.name })}</h1>
      <div className="grid gap-4 print:grid-cols-2 print:gap-3 sm:grid-cols-2">
        <section>
          <h2 className="text-lg font-bold">{t("duringCall")}</h2>
          <ol className="list-decimal pl-5">
            {defaultSteps.map((step) => (
              <li key={step.key}>{guidance(`steps.${step.key}`)}</li>
            ))}
          </ol>
          <h2 className="mt-2 text-lg font-bold">{t("ifOnLine")}</h2>
          <ul className="list-disc pl-5">
            {onTheLineSteps.map((step) => (
              <li key={step.key}>{guidance(`steps.${step.key}`)}</li>
            ))}
          </ul>
          <p className="mt-1 font-semibold">{t("wordsReminder")}</p>
        </section>
        <section>
          <h2 className="text-lg font-bold">{t("numbers")}</h2>
          <ul data-testid="emergency-numbers">
            {emergencyNumbers[plan.family.country].map((entry) => (
              <li key={entry.key}>
                <span className="font-semibold">{guidance(`numbers.${entry.key}`)}:</span> <span dir="ltr">{entry.display}</span>
              </li>
            ))}
          </ul>
          <h2 className="mt-2 text-lg font-bold">{t("warningSigns")}</h2>
          <ul className="list-disc pl-5">
            {warningSigns.map((sign) => (
              <li key={sign.key}>{guidance(`signs.${sign.key}`)}</li>
            ))}
          </ul>
        </section>
      </div>
      <section>
        <h2 className="text-lg font-bold">{t("people")}</h2>
        <p className="text-sm">{t("tierHint")}</p>
        <ul className="grid gap-2 sm:grid-cols-2 print:grid-cols-2" data-testid="card-people">
          {plan.people.map((person) => (
            <li key={person.id} className="rounded border border-gray-400 p-2 print:break-inside-avoid">
              <p className="font-bold">
                {person.name} · <span dir="ltr">{formatPhone(person.phone)}</span>
              </p>
              {!person.contacts.some((entry) => entry.tier === 1) && <p>{t("noTier1")}</p>}
              {tiers.map((tier) => {
                const entries = person.contacts.filter((entry) => entry.tier === tier);
                return entries.length ? (
                  <div key={tier} data-testid={`card-tier-${tier}`}>
                    <h3 className="font-semibold">{t("tier", { tier })}</h3>
                    <ul className="pl-3">
                      {entries.map((entry) => (
                        <li key={entry.id}>
                          {entry.contact.name} ({contacts(`relationshipName.${entry.contact.relationship}`)}):{" "}
                          <span dir="ltr">{formatPhone(entry.contact.phone)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null;
              })}
              <CardTrips person={person} locale={locale} />
            </li>
          ))}
        </ul>
      </section>
      <p className="text-sm text-gray-700">{t("printedOn", { date: format.dateTime(new Date(), { dateStyle: "long" }) })}</p>
    </article>
  );
}
