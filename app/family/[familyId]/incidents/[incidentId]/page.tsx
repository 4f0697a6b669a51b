import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeEvent } from "@/components/incident/describe-event";
import { CallerWordForm, ChecklistStep, IncidentControls, NotesForm } from "@/components/incident/incident-forms";
import { incidentView, probableReason } from "@/components/incident/incident-status";
import { LiveUpdates } from "@/components/incident/live-updates";
import { defaultSteps, onTheLineSteps, warningSigns } from "@/lib/guidance/call-guidance";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { getIncident } from "@/lib/server/incidents/manage-incident";
import { notFoundOnMissing } from "@/lib/server/not-found";

const phrases = ["repeat", "slow", "proof", "bank"] as const;
const callButton = "flex min-h-16 items-center justify-center rounded-xl px-5 text-2xl font-bold";

/** The live-call screen: one column, big targets, the strongest news first. */
export default async function IncidentPage({ params, searchParams }: PageProps<"/family/[familyId]/incidents/[incidentId]">) {
  const { familyId, incidentId } = await params;
  const already = (await searchParams).already === "1";
  const session = await requireSession(`/family/${familyId}/incidents/${incidentId}`);
  const { incident, family, checkIns, events, claimedPerson, people, startedBy, nextStep } = await getIncident({ familyId, userId: session.user.id, incidentId }).catch(notFoundOnMissing);
  const [t, guidance, format] = await Promise.all([getTranslations("incident"), getTranslations("guidance"), getFormatter()]);
  const name = claimedPerson?.name ?? t("everyone");
  const view = incidentView(incident, people);
  const open = incident.status === "open";
  const base = `/family/${family.id}/incidents/${incident.id}`;
  const ids = { familyId: family.id, incidentId: incident.id };
  const lastEventId = String(events.at(-1)?.id ?? 0);

  return (
    <div className="flex flex-col gap-6 text-lg">
      <LiveUpdates familyId={family.id} incidentId={incident.id} lastEventId={lastEventId} />
      {incident.drill && <p className="self-start rounded bg-yellow-300 px-3 py-1 font-bold text-black">{t("drillBadge")}</p>}
      {already && open && (
        <p role="status" className="rounded-xl border-2 border-gray-900 bg-yellow-50 p-3" data-testid="already-open">
          {t("alreadyOpen", { name, by: startedBy, time: format.dateTime(incident.startedAt, { timeStyle: "short" }) })}
        </p>
      )}

      <section role={view.kind === "danger" ? "alert" : "status"} data-testid="incident-banner" className={
        view.kind === "danger" ? "flex flex-col gap-3 rounded-xl bg-danger-700 p-5 text-white"
        : view.kind === "closed" && view.outcome === "confirmed_safe" ? "flex flex-col gap-3 rounded-xl bg-brand-700 p-5 text-white"
        : view.kind === "probably" ? "flex flex-col gap-3 rounded-xl border-4 border-brand-700 bg-emerald-50 p-5"
        : "flex flex-col gap-3 rounded-xl border-4 border-gray-900 p-5"
      }>
        {view.kind === "verifying" && <h1 className="text-3xl font-bold">{t("verifying", { name })}</h1>}
        {view.kind === "danger" && (
          <>
            <h1 className="text-3xl font-bold">{t("dangerTitle")}</h1>
            <p>{t("dangerLeadMany", { names: view.names.join(", ") })}</p>
            <a href="tel:911" className={`${callButton} bg-white text-danger-700`}>{t("call911")}</a>
          </>
        )}
        {view.kind === "probably" && (
          <>
            <h1 className="text-3xl font-bold">{t("probablyTitle")}</h1>
          </>
        )}
        {view.kind === "closed" && (
          <>
            <h1 className="text-3xl font-bold">{view.outcome === "confirmed_safe" ? t("safeTitle", { name }) : t("closedTitle", { outcome: t(`outcome.${view.outcome}` as "outcome.false_alarm") })}</h1>
            {view.outcome === "confirmed_safe" && <p>{t("safeLead")}</p>}
            <div className="flex flex-col gap-3">
              {family.country === "MX" ? (
                <>
                  <a href="tel:089" className={`${callButton} bg-white text-gray-900`}>{t("report089")}</a>
                  <a href="tel:911" className={`${callButton} bg-white text-gray-900`}>{t("report911")}</a>
                </>
              ) : (
                <>
                  <a href="https://www.ic3.gov" className={`${callButton} bg-white text-gray-900`}>{t("reportIc3")}</a>
                  <a href="tel:+18002255324" className={`${callButton} bg-white text-gray-900`}>{t("reportFbi")}</a>
                </>
              )}
              <Link href={`${base}/report`} className={`${callButton} border-2 border-current`}>{t("report")}</Link>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="people-title" className="flex flex-col gap-2">
        <h2 id="people-title" className="sr-only">{t("peopleTitle")}</h2>
        <ul className="flex flex-col gap-2" data-testid="people">
          {people.map((person) => {
            const probable = person.state === "probably_safe" ? probableReason(person.name, checkIns) : null;
            return (
              <li key={person.personId} data-state={person.state} className={person.state === "in_danger" ? "rounded-xl bg-danger-700 p-4 text-white" : person.state === "confirmed_safe" ? "rounded-xl bg-brand-700 p-4 text-white" : "rounded-xl border-2 border-gray-900 p-4"}>
                <p className="text-xl font-bold">{person.name}: {t(`personState.${person.state}`)}</p>
                {probable && <p>{probable.reason === "keypad" ? t("probablyKeypad", { name: person.name }) : t("probablySeen", { from: probable.from, name: person.name })}</p>}
                {open && person.state !== "in_danger" && person.state !== "confirmed_safe" && (
                  <p data-testid="guesses">{person.guessesLeft > 0 ? t("guessesLeft", { count: person.guessesLeft }) : <strong>{t("guessesSpent", { name: person.name })}</strong>}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {open && (
        <section aria-labelledby="steps-title" className="flex flex-col gap-3">
          <h2 id="steps-title" className="text-2xl font-bold">{t("stepsTitle")}</h2>
          {defaultSteps.map((step) => (
            <ChecklistStep key={step.key} {...ids} step={step.key} label={guidance(`steps.${step.key}`)} checked={incident.checkedSteps.includes(step.key)} />
          ))}
          <div className="rounded-xl bg-gray-100 p-4">
            <h3 className="font-bold">{t("isolationTitle")}</h3>
            <p>{t("isolationLead")}</p>
          </div>
          <h2 className="mt-2 text-2xl font-bold">{t("onLineTitle")}</h2>
          {onTheLineSteps.map((step) => (
            <ChecklistStep key={step.key} {...ids} step={step.key} label={guidance(`steps.${step.key}`)} checked={incident.checkedSteps.includes(step.key)} />
          ))}
        </section>
      )}

      {open && (
        // Also on the phone's kept copy when the network is gone (decision 012).
        <section aria-labelledby="numbers-title" className="flex flex-col gap-2">
          <h2 id="numbers-title" className="text-xl font-bold">{t("numbersTitle")}</h2>
          <ul className="flex flex-col gap-2" data-testid="emergency-numbers">
            {emergencyNumbers[family.country].map((entry) => (
              <li key={entry.key}>
                <a href={entry.href} className="flex min-h-14 flex-wrap items-center gap-x-3 rounded-xl border-2 border-gray-900 px-4 py-2">
                  <strong className="text-2xl" dir="ltr">{entry.display}</strong> {guidance(`numbers.${entry.key}` as "numbers.emergency")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {open && (
        <section aria-labelledby="word-title" className="flex flex-col gap-3 rounded-xl border-2 border-gray-300 p-4">
          <h2 id="word-title" className="text-xl font-bold">{t("callerWordTitle")}</h2>
          <CallerWordForm {...ids} />
        </section>
      )}

      <section aria-labelledby="pings-title" className="flex flex-col gap-2">
        <h2 id="pings-title" className="text-xl font-bold">{t("pingsTitle")}</h2>
        <ul className="flex flex-col gap-2" data-testid="pings">
          {checkIns.map((checkIn) => (
            <li key={checkIn.id} className="flex flex-col rounded-lg bg-gray-50 p-3" data-phone={checkIn.phone}>
              <span className="font-semibold">{checkIn.contact?.name ?? checkIn.person?.name} · {t(`wave.${checkIn.wave ?? 0}` as "wave.0")}</span>
              <span>
                {t(`channel.${checkIn.channel}`)} <span dir="ltr">{formatPhone(checkIn.phone)}</span> · {checkIn.message ? (t.has(`status.${checkIn.message.status}` as "status.sent") ? t(`status.${checkIn.message.status}` as "status.sent") : checkIn.message.status) : t("status.pending")}
                {checkIn.verdict && <strong data-testid="verdict"> · {t(`verdict.${checkIn.verdict}` as "verdict.text")}</strong>}
              </span>
            </li>
          ))}
        </ul>
      </section>

      {open && (
        <section aria-labelledby="controls-title" className="flex flex-col gap-3">
          <h2 id="controls-title" className="text-xl font-bold">{t("controlsTitle")}</h2>
          <IncidentControls {...ids} paused={incident.paused} canSendWave={nextStep !== null} inDanger={view.kind === "danger"} />
        </section>
      )}

      <section aria-labelledby="notes-title" className="flex flex-col gap-3">
        <h2 id="notes-title" className="text-xl font-bold">{t("notesTitle")}</h2>
        <NotesForm {...ids} notes={incident} />
      </section>

      {open && (
        <section aria-labelledby="phrases-title" className="flex flex-col gap-2">
          <h2 id="phrases-title" className="text-xl font-bold">{t("phrasesTitle")}</h2>
          <ul className="flex flex-col gap-2">
            {phrases.map((phrase) => <li key={phrase} className="rounded-lg bg-gray-100 p-3">{t(`phrases.${phrase}`)}</li>)}
          </ul>
          <h2 className="mt-2 text-xl font-bold">{t("signsTitle")}</h2>
          <ul className="list-disc pl-6">
            {warningSigns.map((sign) => <li key={sign.key}>{guidance(`signs.${sign.key}`)}</li>)}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline-title" className="flex flex-col gap-2">
        <h2 id="timeline-title" className="text-xl font-bold">{t("timelineTitle")}</h2>
        <ol className="flex flex-col gap-1" data-testid="timeline">
          {events.filter((event) => event.type !== "step_ticked").map((event) => (
            <li key={String(event.id)}>
              <time dateTime={event.createdAt.toISOString()} className="font-mono text-base">{format.dateTime(event.createdAt, { timeStyle: "medium" })}</time> {describeEvent(t, event)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
