import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { getPlanOverview } from "@/lib/server/plan/get-plan-overview";
import { formatPhone } from "@/lib/phone";
import { tiers } from "@/lib/plan-options";
import { editorRoles } from "@/lib/server/family/require-membership";
import { ExposureReminder, PersonTravelSummary } from "@/components/travel/plan-travel";

type Overview = Awaited<ReturnType<typeof getPlanOverview>>;

/** Each person with their contacts by tier and what is missing, and the words' status. */
export async function PlanOverview({ overview }: { overview: Overview }) {
  const [t, format] = await Promise.all([getTranslations("plan"), getFormatter()]);
  const familyPath = `/family/${overview.family.id}`;
  const canEdit = editorRoles.includes(overview.role);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-5">
      <p className="text-lg font-semibold" data-testid="plan-completeness">
        {t("completeness", overview.completeness)}
      </p>
      <ExposureReminder familyId={overview.family.id} due={overview.exposureDue} />
      <section aria-labelledby="people-title" className="flex flex-col gap-3">
        <h2 id="people-title" className="text-xl font-bold">
          {t("peopleTitle")}
        </h2>
        {overview.people.length === 0 && <p>{t("noPeople")}</p>}
        <ul className="flex flex-col gap-3" data-testid="plan-people">
          {overview.people.map((person) => (
            <li key={person.id} className="flex flex-col gap-2 rounded-xl border-2 border-gray-200 p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-bold">{person.name}</h3>
                <span dir="ltr">{formatPhone(person.phone)}</span>
              </div>
              <p className={person.missingTier1 ? "font-semibold text-danger-700" : "font-semibold text-brand-800"}>
                {person.missingTier1 ? `⚠ ${t("incomplete")}` : `✓ ${t("ready")}`}
              </p>
              {tiers.map((tier) => {
                const names = person.contacts.filter((entry) => entry.tier === tier).map((entry) => entry.contact.name);
                return names.length ? (
                  <p key={tier}>
                    <span className="font-semibold">{t("tierLabel", { tier })}:</span> {names.join(", ")}
                  </p>
                ) : null;
              })}
              <PersonTravelSummary person={person} />
              <Link href={`${familyPath}/people/${person.id}`} className="self-start py-2 font-semibold text-brand-800 underline">
                {t("editPerson", { name: person.name })}
              </Link>
            </li>
          ))}
        </ul>
        {canEdit && (
          <Link
            href={`${familyPath}/people/new`}
            className="flex min-h-12 items-center justify-center self-start rounded-lg border-2 border-brand-700 px-5 text-lg font-semibold text-brand-800 hover:bg-gray-100"
          >
            <span aria-hidden="true">+</span> {t("addPerson")}
          </Link>
        )}
      </section>
      <section aria-labelledby="words-title" className="flex flex-col gap-2 rounded-xl border-2 border-gray-200 p-4">
        <h2 id="words-title" className="text-xl font-bold">
          {t("wordsTitle")}
        </h2>
        {overview.words ? (
          <>
            <p>{t("wordsSet", { safe: date(overview.words.safeWordChangedAt), duress: date(overview.words.duressWordChangedAt) })}</p>
            {(overview.words.safeWordDue || overview.words.duressWordDue) && (
              <p className="font-semibold text-danger-700">⚠ {t("wordsDue")}</p>
            )}
          </>
        ) : (
          <p className="font-semibold text-danger-700">⚠ {t("wordsMissing")}</p>
        )}
        <Link href={`${familyPath}/words`} className="self-start py-2 font-semibold text-brand-800 underline">
          {t("manageWords")}
        </Link>
      </section>
    </div>
  );
}
