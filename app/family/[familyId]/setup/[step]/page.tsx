import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FamilyDetailsForm } from "@/components/plan/family-details-form";
import { FinishSetupForm } from "@/components/plan/finish-setup-form";
import { PersonContactsEditor } from "@/components/plan/person-contacts-editor";
import { PersonForm } from "@/components/plan/person-form";
import { PlanOverview } from "@/components/plan/plan-overview";
import { CheckWordForm, SecretWordsForm } from "@/components/plan/secret-words-forms";
import { SetupStepper } from "@/components/plan/setup-stepper";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { listContacts } from "@/lib/server/contacts/contacts";
import { editorRoles } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { getPlanOverview, setupSteps, type SetupStep } from "@/lib/server/plan/get-plan-overview";

const linkButton = "flex min-h-12 items-center justify-center rounded-lg px-5 text-lg font-semibold";

export default async function SetupStepPage({ params }: PageProps<"/family/[familyId]/setup/[step]">) {
  const { familyId, step: rawStep } = await params;
  const step = setupSteps.find((candidate) => candidate === rawStep);
  if (!step) notFound();
  const session = await requireSession(`/family/${familyId}/setup/${step}`);
  const scope = { familyId, userId: session.user.id };
  const [plan, familyContacts] = await Promise.all([getPlanOverview(scope), listContacts(scope)]).catch(notFoundOnMissing);
  if (!editorRoles.includes(plan.role)) notFound();
  const t = await getTranslations("setup");
  const base = `/family/${familyId}`;
  const index = setupSteps.indexOf(step);
  const previous: SetupStep | undefined = setupSteps[index - 1];
  const next: SetupStep | undefined = setupSteps[index + 1];

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <SetupStepper familyId={familyId} current={step} done={plan.stepDone} />
      <p className="text-sm text-gray-700">{t("resumeNote")}</p>
      <section aria-labelledby="step-title" className="flex flex-col gap-4">
        <h2 id="step-title" className="text-2xl font-bold">
          {t(`steps.${step}`)}
        </h2>
        <p className="text-lg">{t(`${step}Lead`)}</p>

        {step === "family" && <FamilyDetailsForm family={plan.family} nextPath={`${base}/setup/people`} submitLabel={t("continue")} />}

        {step === "people" && (
          <>
            {plan.people.length > 0 && (
              <ul className="flex flex-col gap-2" data-testid="setup-people">
                {plan.people.map((person) => (
                  <li key={person.id} className="flex flex-wrap justify-between gap-2 rounded-lg bg-gray-50 p-3">
                    <span className="font-semibold">{person.name}</span>
                    <span dir="ltr">{formatPhone(person.phone)}</span>
                  </li>
                ))}
              </ul>
            )}
            <PersonForm familyId={familyId} defaultLocale={plan.family.locale} />
          </>
        )}

        {step === "words" && (
          <>
            <SecretWordsForm familyId={familyId} replacing={plan.words !== null} />
            {plan.words && <CheckWordForm familyId={familyId} />}
          </>
        )}

        {step === "contacts" &&
          plan.people.map((person) => (
            <PersonContactsEditor
              key={person.id}
              familyId={familyId}
              person={person}
              familyContacts={familyContacts}
              canEdit
              defaultLocale={plan.family.locale}
            />
          ))}

        {step === "review" && (
          <>
            <PlanOverview overview={plan} />
            {!plan.complete && <p className="text-base">{t("finishIncomplete")}</p>}
            <FinishSetupForm familyId={familyId} />
          </>
        )}
      </section>

      <div className="no-print flex flex-col gap-3 sm:flex-row sm:justify-between">
        {previous ? (
          <Link href={`${base}/setup/${previous}`} className={`${linkButton} border-2 border-gray-700`}>
            ← {t("back")}
          </Link>
        ) : (
          <span />
        )}
        {next && step !== "family" && (
          <Link href={`${base}/setup/${next}`} className={`${linkButton} bg-gray-900 text-white`}>
            {t("continue")} →
          </Link>
        )}
      </div>
    </div>
  );
}
