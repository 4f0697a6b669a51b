import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { asIncidentEvent } from "@/lib/incidents/incident-events";
import { describeEvent } from "@/components/incident/describe-event";
import { PrintButton } from "@/components/plan/print-button";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { getIncidentReport, type ClosingMessage } from "@/lib/server/incidents/report";
import { notFoundOnMissing } from "@/lib/server/not-found";

/** Hours, minutes and seconds of a duration, for "12 min 5 s" or "1 h 2 min". */
function durationParts(ms: number) {
  const total = Math.round(ms / 1000);
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/**
 * A printable record to hand to the authorities, in its own words (not the live screen's):
 * when it started and ended, in which time zone, how long it lasted, what was learned of each
 * person, the caller's details, who was asked, every closing message sent, and the timeline.
 */
export default async function IncidentReportPage({ params }: PageProps<"/family/[familyId]/incidents/[incidentId]/report">) {
  const { familyId, incidentId } = await params;
  const session = await requireSession(`/family/${familyId}/incidents/${incidentId}/report`);
  const report = await getIncidentReport({ familyId, userId: session.user.id, incidentId }).catch(notFoundOnMissing);
  const { incident, family, checkIns, events, claimedPerson, people, startedBy, closing } = report;
  const [t, live, callers, format, timeZone] = await Promise.all([
    getTranslations("report"),
    getTranslations("incident"),
    getTranslations("callers"),
    getFormatter(),
    getTimeZone(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const duration = durationParts(report.durationMs);
  const sentOf = (ids: string[]) => closing.filter((message) => ids.includes(message.id) && !message.optedOut).length;
  const status = (message: ClosingMessage) =>
    message.optedOut ? t("optedOut") : live.has(`status.${message.status}`) ? live(`status.${message.status}`) : message.status;
  const timelineLine = (row: (typeof events)[number]) => {
    const event = asIncidentEvent(row);
    switch (event.type) {
      case "all_clear_sent":
      case "stand_down_sent": {
        const count = event.data.messageIds ? sentOf(event.data.messageIds) : event.data.count;
        return t(event.type === "all_clear_sent" ? "timelineAllClear" : "timelineStandDown", { count });
      }
      case "started":
        return t("timelineStarted");
      case "closed":
        return t("timelineEnded", { outcome: live(`outcome.${event.data.outcome}`) });
      case "reply":
      case "late_reply":
        return event.data.replyMessageId ? `${describeEvent(live, event)} · ${t("timelineReplied")}` : describeEvent(live, event);
      default:
        return describeEvent(live, event);
    }
  };
  return (
    <article className="flex flex-col gap-4">
      <div className="no-print">
        <PrintButton label={t("print")} />
      </div>
      <h1 className="text-2xl font-bold">{t("title", { family: family.name })}</h1>
      {incident.drill && <p className="font-bold">{t("drill")}</p>}
      <p data-testid="report-time-zone">{t("timeZone", { zone: timeZone })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="report-summary">
        <dt className="font-semibold">{t("started")}</dt>
        <dd>{t("startedValue", { time: when(report.startedAt), name: startedBy || "—" })}</dd>
        <dt className="font-semibold">{t("ended")}</dt>
        <dd>{report.endedAt ? when(report.endedAt) : t("stillOpen")}</dd>
        <dt className="font-semibold">{t("duration")}</dt>
        <dd data-testid="report-duration">{duration.hours > 0 ? t("durationLong", duration) : t("durationShort", duration)}</dd>
        <dt className="font-semibold">{t("outcome")}</dt>
        <dd>{incident.outcome ? live(`outcome.${incident.outcome}`) : t("stillOpen")}</dd>
        <dt className="font-semibold">{t("claimed")}</dt>
        <dd>{claimedPerson?.name ?? t("nobodyNamed")}</dd>
        <dt className="font-semibold">{t("people")}</dt>
        <dd>
          <ul data-testid="report-people">
            {people.map((person) => (
              <li key={person.personId}>
                {person.name}: {live(`personState.${person.state}`)}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">{t("callerNumber")}</dt>
        <dd dir="ltr">{incident.callerNumber || "—"}</dd>
        <dt className="font-semibold">{t("callerPhone")}</dt>
        <dd data-testid="report-caller-phone">
          {report.caller.hidden ? (
            t("callerHidden")
          ) : (
            <bdi>{report.caller.identifiers.find((entry) => entry.kind === "phone")?.display ?? "—"}</bdi>
          )}
        </dd>
        <dt className="font-semibold">{t("identifiers")}</dt>
        <dd>
          <ul data-testid="report-identifiers">
            {report.caller.identifiers
              .filter((entry) => entry.kind !== "phone")
              .map((entry) => (
                <li key={`${entry.kind}:${entry.value}`}>
                  {callers(`kindShort.${entry.kind}`)}: <bdi className="font-mono">{entry.display}</bdi>
                </li>
              ))}
          </ul>
          {report.caller.identifiers.every((entry) => entry.kind === "phone") && "—"}
        </dd>
        <dt className="font-semibold">{t("demands")}</dt>
        <dd className="whitespace-pre-wrap">{incident.demands || "—"}</dd>
        <dt className="font-semibold">{t("payment")}</dt>
        <dd className="whitespace-pre-wrap">{incident.paymentInstructions || "—"}</dd>
      </dl>
      <h2 className="text-xl font-bold">{t("contacted")}</h2>
      <ul data-testid="report-pings">
        {checkIns.map((checkIn) => (
          <li key={checkIn.id}>
            {checkIn.contact?.name ?? checkIn.person?.name} ({live(`channel.${checkIn.channel}`)}{" "}
            <span dir="ltr">{formatPhone(checkIn.phone)}</span>){checkIn.verdict ? `: ${live(`verdict.${checkIn.verdict}`)}` : ""}
            {checkIn.repliedAt ? ` — ${when(checkIn.repliedAt)}` : ""}
          </li>
        ))}
      </ul>
      <h2 className="text-xl font-bold">{t("closingTitle")}</h2>
      <p data-testid="report-closing-count">{t("closingCount", { count: report.closingSent })}</p>
      {closing.length > 0 && (
        <ul data-testid="report-closing">
          {closing.map((message) => (
            <li key={message.id}>
              {t(`closingKind.${message.kind}`)}: {message.name || "—"} ({live(`channel.${message.channel}`)}{" "}
              <span dir="ltr">{formatPhone(message.phone)}</span>) — {status(message)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="text-xl font-bold">{t("timeline")}</h2>
      <ol data-testid="report-timeline">
        {events.map((event) => (
          <li key={String(event.id)}>
            <span className="font-mono">{when(event.createdAt)}</span> {timelineLine(event)}
          </li>
        ))}
      </ol>
      <p className="text-sm text-gray-700">{t("printedAt", { time: when(new Date()) })}</p>
    </article>
  );
}
