import { getFormatter, getTranslations } from "next-intl/server";
import { CallerSection } from "@/components/incident/caller-section";
import { CallerWordForm, NotesForm } from "@/components/incident/incident-forms";
import {
  LiveChecklist,
  LiveControls,
  LiveIncident,
  LivePings,
  LiveState,
  LiveTimeline,
  LiveVerdict,
  WhileOpen,
} from "@/components/incident/live-incident";
import { localizeLiveUpdate } from "@/components/incident/live-payload";
import { IncidentTravel } from "@/components/travel/incident-travel";
import { defaultSteps, onTheLineSteps, warningSigns } from "@/lib/guidance/call-guidance";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import { requireSession } from "@/lib/server/auth/session";
import { getLiveIncident } from "@/lib/server/incidents/manage-incident";
import { notFoundOnMissing } from "@/lib/server/not-found";

const phrases = ["repeat", "slow", "proof", "bank"] as const;

/**
 * The live-call screen, for a phone held in one hand: the verdict, each person's state and the
 * one next action come first, then the checklist; everything live comes from the stream.
 */
export default async function IncidentPage({ params, searchParams }: PageProps<"/family/[familyId]/incidents/[incidentId]">) {
  const { familyId, incidentId } = await params;
  const already = (await searchParams).already === "1";
  const session = await requireSession(`/family/${familyId}/incidents/${incidentId}`);
  const { incident, family, update, claimedName, startedBy } = await getLiveIncident({
    familyId,
    userId: session.user.id,
    incidentId,
  }).catch(notFoundOnMissing);
  const [t, guidance, format] = await Promise.all([getTranslations("incident"), getTranslations("guidance"), getFormatter()]);
  const name = claimedName ?? t("everyone");
  const base = `/family/${family.id}/incidents/${incident.id}`;
  const ids = { familyId: family.id, incidentId: incident.id };
  const steps = (items: typeof defaultSteps) => items.map((step) => ({ key: step.key, label: guidance(`steps.${step.key}`) }));

  return (
    <LiveIncident {...ids} initial={localizeLiveUpdate(t, format, update)}>
      <div className="flex flex-col gap-4 text-lg">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <LiveState />
          {incident.drill && <p className="rounded bg-yellow-300 px-3 py-1 font-bold text-black">{t("drillBadge")}</p>}
        </div>
        {already && incident.status === "open" && (
          <p role="status" className="rounded-xl border-2 border-gray-900 bg-yellow-50 p-3" data-testid="already-open">
            {t("alreadyOpen", { name, by: startedBy, time: format.dateTime(incident.startedAt, { timeStyle: "short" }) })}
          </p>
        )}

        <LiveVerdict name={name} country={family.country} reportHref={`${base}/report`} />

        <CallerSection {...ids} userId={session.user.id} />

        <WhileOpen>
          <IncidentTravel {...ids} userId={session.user.id} />
          <section aria-labelledby="steps-title" className="flex flex-col gap-3">
            <h2 id="steps-title" className="text-2xl font-bold">
              {t("stepsTitle")}
            </h2>
            <LiveChecklist steps={steps(defaultSteps)} />
            <div className="rounded-xl bg-gray-100 p-4">
              <h3 className="font-bold">{t("isolationTitle")}</h3>
              <p>{t("isolationLead")}</p>
            </div>
            <h2 className="mt-2 text-2xl font-bold">{t("onLineTitle")}</h2>
            <LiveChecklist steps={steps(onTheLineSteps)} />
          </section>

          {/* Also on the phone's kept copy when the network is gone (decision 012). */}
          <section aria-labelledby="numbers-title" className="flex flex-col gap-2">
            <h2 id="numbers-title" className="text-xl font-bold">
              {t("numbersTitle")}
            </h2>
            <ul className="flex flex-col gap-2" data-testid="emergency-numbers">
              {emergencyNumbers[family.country].map((entry) => (
                <li key={entry.key}>
                  <a
                    href={entry.href}
                    className="flex min-h-14 flex-wrap items-center gap-x-3 rounded-xl border-2 border-gray-900 px-4 py-2"
                  >
                    <strong className="text-2xl" dir="ltr">
                      {entry.display}
                    </strong>{" "}
                    {guidance(`numbers.${entry.key}`)}
                  </a>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="word-title" className="flex flex-col gap-3 rounded-xl border-2 border-gray-300 p-4">
            <h2 id="word-title" className="text-xl font-bold">
              {t("callerWordTitle")}
            </h2>
            <CallerWordForm {...ids} />
          </section>
        </WhileOpen>

        <LivePings />
        <LiveControls title={t("controlsTitle")} />

        <section aria-labelledby="notes-title" className="flex flex-col gap-3">
          <h2 id="notes-title" className="text-xl font-bold">
            {t("notesTitle")}
          </h2>
          <NotesForm {...ids} notes={incident} />
        </section>

        <WhileOpen>
          <section aria-labelledby="phrases-title" className="flex flex-col gap-2">
            <h2 id="phrases-title" className="text-xl font-bold">
              {t("phrasesTitle")}
            </h2>
            <ul className="flex flex-col gap-2">
              {phrases.map((phrase) => (
                <li key={phrase} className="rounded-lg bg-gray-100 p-3">
                  {t(`phrases.${phrase}`)}
                </li>
              ))}
            </ul>
            <h2 className="mt-2 text-xl font-bold">{t("signsTitle")}</h2>
            <ul className="list-disc pl-6">
              {warningSigns.map((sign) => (
                <li key={sign.key}>{guidance(`signs.${sign.key}`)}</li>
              ))}
            </ul>
          </section>
        </WhileOpen>

        <LiveTimeline />
      </div>
    </LiveIncident>
  );
}
