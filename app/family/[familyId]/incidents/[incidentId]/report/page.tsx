import { getFormatter, getTranslations } from "next-intl/server";
import { describeEvent } from "@/components/incident/describe-event";
import { PrintButton } from "@/components/plan/print-button";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { getIncident } from "@/lib/server/incidents/manage-incident";
import { notFoundOnMissing } from "@/lib/server/not-found";

/** A printable record to hand to the authorities: every event, the caller's details, who confirmed what. */
export default async function IncidentReportPage({ params }: PageProps<"/family/[familyId]/incidents/[incidentId]/report">) {
  const { familyId, incidentId } = await params;
  const session = await requireSession(`/family/${familyId}/incidents/${incidentId}/report`);
  const { incident, family, checkIns, events, claimedPerson, people } = await getIncident({ familyId, userId: session.user.id, incidentId }).catch(notFoundOnMissing);
  const [t, card, format] = await Promise.all([getTranslations("incident"), getTranslations("card"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <article className="flex flex-col gap-4">
      <div className="no-print">
        <PrintButton label={card("print")} />
      </div>
      <h1 className="text-2xl font-bold">{t("reportTitle", { family: family.name })}</h1>
      {incident.drill && <p className="font-bold">{t("drillBadge")}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="report-summary">
        <dt className="font-semibold">{t("verifying", { name: "" }).replace(/…$/, "").trim()}</dt>
        <dd>{claimedPerson?.name ?? t("everyone")}</dd>
        <dt className="font-semibold">{t("peopleTitle")}</dt>
        <dd>
          <ul data-testid="report-people">
            {people.map((person) => <li key={person.personId}>{person.name}: {t(`personState.${person.state}`)}</li>)}
          </ul>
        </dd>
        <dt className="font-semibold">{t("callerNumber")}</dt>
        <dd dir="ltr">{incident.callerNumber || "—"}</dd>
        <dt className="font-semibold">{t("demands")}</dt>
        <dd className="whitespace-pre-wrap">{incident.demands || "—"}</dd>
        <dt className="font-semibold">{t("payment")}</dt>
        <dd className="whitespace-pre-wrap">{incident.paymentInstructions || "—"}</dd>
        <dt className="font-semibold">{t("endTitle")}</dt>
        <dd>{incident.outcome ? t(`outcome.${incident.outcome}` as "outcome.false_alarm") : t("open")}</dd>
      </dl>
      <h2 className="text-xl font-bold">{t("pingsTitle")}</h2>
      <ul data-testid="report-pings">
        {checkIns.map((checkIn) => (
          <li key={checkIn.id}>
            {checkIn.contact?.name ?? checkIn.person?.name} ({t(`channel.${checkIn.channel}`)} <span dir="ltr">{formatPhone(checkIn.phone)}</span>){checkIn.verdict ? `: ${t(`verdict.${checkIn.verdict}` as "verdict.text")}` : ""}
            {checkIn.repliedAt ? ` — ${when(checkIn.repliedAt)}` : ""}
          </li>
        ))}
      </ul>
      <h2 className="text-xl font-bold">{t("timelineTitle")}</h2>
      <ol data-testid="report-timeline">
        {events.map((event) => (
          <li key={String(event.id)}>
            <span className="font-mono">{when(event.createdAt)}</span> {describeEvent(t, event)}
          </li>
        ))}
      </ol>
    </article>
  );
}
