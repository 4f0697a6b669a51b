"use client";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import type { Country } from "@/lib/validation/family";
import { ChecklistStep, IncidentControls } from "./incident-forms";
import { incidentView } from "./incident-status";
import type { LiveEvent, LivePayload } from "./live-payload";

type Live = LivePayload & { connected: boolean; familyId: string; incidentId: string };
const LiveContext = createContext<Live | null>(null);

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive outside LiveIncident");
  return live;
}

const lastId = (events: LiveEvent[]) => events.reduce((top, event) => (BigInt(event.id) > top ? BigInt(event.id) : top), BigInt(0));

/**
 * Adds what the stream sent to what the screen shows: each entry once, by id, in timeline order
 * (entries can commit out of order), and the view it came with, which is the latest read.
 */
function apply(current: LivePayload, update: LivePayload): LivePayload {
  const known = new Set(current.events.map((event) => event.id));
  const fresh = update.events.filter((event) => !known.has(event.id));
  const events = fresh.length ? [...current.events, ...fresh].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)) : current.events;
  return { view: update.view, events };
}

/**
 * Holds the incident as the screen shows it and keeps it current: the stream carries each event's
 * data and the view it led to, and this applies it without asking the server for the page again.
 * It resumes after the last entry it has (EventSource's Last-Event-ID on its own reconnects,
 * `after=` when the phone comes back online), so nothing is missed or shown twice.
 */
export function LiveIncident({
  familyId,
  incidentId,
  initial,
  children,
}: {
  familyId: string;
  incidentId: string;
  initial: LivePayload;
  children: React.ReactNode;
}) {
  const [payload, setPayload] = useState(initial);
  const [rendered, setRendered] = useState(initial);
  const [connected, setConnected] = useState(false);
  const last = useRef(lastId(initial.events));
  // A fresh render from the server (after an action) counts as an update when it knows more.
  if (initial !== rendered) {
    setRendered(initial);
    setPayload((current) =>
      initial.events.some((event) => !current.events.some((known) => known.id === event.id)) ? apply(current, initial) : current,
    );
  }
  useEffect(() => {
    last.current = lastId(payload.events);
  }, [payload]);

  useEffect(() => {
    let source: EventSource | null = null;
    const open = () => {
      source = new EventSource(`/api/incidents/${incidentId}/events?family=${familyId}&after=${last.current}`);
      source.onopen = () => setConnected(true);
      source.onerror = () => setConnected(false);
      source.addEventListener("incident", (event) => {
        const update = JSON.parse((event as MessageEvent<string>).data) as LivePayload;
        setPayload((current) => apply(current, update));
      });
    };
    const close = () => {
      source?.close();
      source = null;
      setConnected(false);
    };
    const backOnline = () => {
      if (!source) open();
    };
    open();
    window.addEventListener("offline", close);
    window.addEventListener("online", backOnline);
    return () => {
      window.removeEventListener("offline", close);
      window.removeEventListener("online", backOnline);
      close();
    };
  }, [familyId, incidentId]);

  return <LiveContext value={{ ...payload, connected, familyId, incidentId }}>{children}</LiveContext>;
}

export function LiveState() {
  const t = useTranslations("incident");
  const { connected } = useLive();
  return (
    <p className="no-print text-sm text-gray-700" data-testid="live-state" data-connected={connected}>
      {connected ? `● ${t("live")}` : t("reconnecting")}
    </p>
  );
}

const callButton = "flex min-h-14 flex-wrap items-center justify-center rounded-xl px-4 py-3 text-center text-xl leading-tight font-bold";

/** The first screen: the verdict, each claimed person's state, and the one thing to do next. */
export function LiveVerdict({ name, country, reportHref }: { name: string; country: Country; reportHref: string }) {
  const t = useTranslations("incident");
  const guidance = useTranslations("guidance");
  const { view } = useLive();
  const verdict = incidentView(view, view.people);
  const emergency = emergencyNumbers[country];
  const nextAction =
    verdict.kind === "danger"
      ? t("nextAction.danger")
      : verdict.kind === "probably"
        ? t("nextAction.probably", { name })
        : verdict.kind === "verifying"
          ? t("nextAction.verifying", { name })
          : verdict.outcome === "confirmed_safe"
            ? t("nextAction.safe")
            : t("nextAction.closed");
  return (
    <>
      <section
        role={verdict.kind === "danger" ? "alert" : "status"}
        data-testid="incident-banner"
        className={
          verdict.kind === "danger"
            ? "flex flex-col gap-3 rounded-xl bg-danger-700 p-4 text-white"
            : verdict.kind === "closed" && verdict.outcome === "confirmed_safe"
              ? "flex flex-col gap-3 rounded-xl bg-brand-700 p-4 text-white"
              : verdict.kind === "probably"
                ? "flex flex-col gap-3 rounded-xl border-4 border-brand-700 bg-emerald-50 p-4"
                : "flex flex-col gap-3 rounded-xl border-4 border-gray-900 p-4"
        }
      >
        {verdict.kind === "verifying" && <h1 className="text-3xl font-bold">{t("verifying", { name })}</h1>}
        {verdict.kind === "danger" && (
          <>
            <h1 className="text-3xl font-bold">{t("dangerTitle")}</h1>
            <p>{t("dangerLeadMany", { names: verdict.names.join(", ") })}</p>
            <a href="tel:911" className={`${callButton} bg-white text-danger-700`}>
              {t("call911")}
            </a>
          </>
        )}
        {verdict.kind === "probably" && <h1 className="text-3xl font-bold">{t("probablyTitle")}</h1>}
        {verdict.kind === "closed" && (
          <>
            <h1 className="text-3xl font-bold">
              {verdict.outcome === "confirmed_safe"
                ? t("safeTitle", { name })
                : t("closedTitle", { outcome: t(`outcome.${verdict.outcome}`) })}
            </h1>
            {verdict.outcome === "confirmed_safe" && <p>{t("safeLead")}</p>}
            <ul className="flex flex-col gap-3" data-testid="emergency-numbers">
              {emergency.map((number) => (
                <li key={number.key}>
                  <a href={number.href} className={`${callButton} bg-white text-gray-900`}>
                    {guidance(`numbers.${number.key}`)}:{" "}
                    <span dir="ltr" className="ml-1">
                      {number.display}
                    </span>
                  </a>
                </li>
              ))}
              <li>
                <a href={reportHref} className={`${callButton} border-2 border-current`}>
                  {t("report")}
                </a>
              </li>
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="people-title" className="flex flex-col gap-2">
        <h2 id="people-title" className="sr-only">
          {t("peopleTitle")}
        </h2>
        <ul className="flex flex-col gap-2" data-testid="people">
          {view.people.map((person) => (
            <li
              key={person.personId}
              data-state={person.state}
              className={
                person.state === "in_danger"
                  ? "rounded-xl bg-danger-700 p-3 text-white"
                  : person.state === "confirmed_safe"
                    ? "rounded-xl bg-brand-700 p-3 text-white"
                    : "rounded-xl border-2 border-gray-900 p-3"
              }
            >
              <p className="text-xl font-bold">
                {person.name}: {t(`personState.${person.state}`)}
              </p>
              {person.probable && (
                <p>
                  {person.probable.reason === "keypad"
                    ? t("probablyKeypad", { name: person.name })
                    : t("probablySeen", { from: person.probable.from, name: person.name })}
                </p>
              )}
              {view.status === "open" && person.state !== "in_danger" && person.state !== "confirmed_safe" && (
                <p data-testid="guesses">
                  {person.guessesLeft > 0 ? (
                    t("guessesLeft", { count: person.guessesLeft })
                  ) : (
                    <strong>{t("guessesSpent", { name: person.name })}</strong>
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <p className="rounded-xl bg-gray-900 p-3 text-lg font-bold text-white" data-testid="next-action">
        <span className="sr-only">{t("nextActionLabel")}: </span>
        {nextAction}
      </p>
    </>
  );
}

/** Children shown only while the incident is open (the checklist, the word check, the phrases). */
export function WhileOpen({ children }: { children: React.ReactNode }) {
  return useLive().view.status === "open" ? children : null;
}

/** Checklist steps, ticked for every adult watching. */
export function LiveChecklist({ steps }: { steps: { key: string; label: string }[] }) {
  const { view, familyId, incidentId } = useLive();
  return steps.map((step) => (
    <ChecklistStep
      key={step.key}
      familyId={familyId}
      incidentId={incidentId}
      step={step.key}
      label={step.label}
      checked={view.checkedSteps.includes(step.key)}
    />
  ));
}

export function LiveControls({ title }: { title: string }) {
  const { view, familyId, incidentId } = useLive();
  if (view.status !== "open") return null;
  return (
    <section aria-labelledby="controls-title" className="flex flex-col gap-3">
      <h2 id="controls-title" className="text-xl font-bold">
        {title}
      </h2>
      <IncidentControls
        familyId={familyId}
        incidentId={incidentId}
        paused={view.paused}
        canSendWave={view.nextStep !== null}
        inDanger={view.people.some((person) => person.state === "in_danger")}
      />
    </section>
  );
}

export function LivePings() {
  const t = useTranslations("incident");
  const { view } = useLive();
  return (
    <section aria-labelledby="pings-title" className="flex flex-col gap-2">
      <h2 id="pings-title" className="text-xl font-bold">
        {t("pingsTitle")}
      </h2>
      <ul className="flex flex-col gap-2" data-testid="pings">
        {view.pings.map((ping) => (
          <li key={ping.id} className="flex flex-col rounded-lg bg-gray-50 p-3" data-phone={ping.phone}>
            <span className="font-semibold">
              {ping.name} · {t(`wave.${ping.wave}`)}
            </span>
            <span>
              {t(`channel.${ping.channel}`)} <span dir="ltr">{ping.display}</span> ·{" "}
              {ping.status ? (t.has(`status.${ping.status}`) ? t(`status.${ping.status}`) : ping.status) : t("status.pending")}
              {ping.verdict && <strong data-testid="verdict"> · {t(`verdict.${ping.verdict}`)}</strong>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LiveTimeline() {
  const t = useTranslations("incident");
  const { events } = useLive();
  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-2">
      <h2 id="timeline-title" className="text-xl font-bold">
        {t("timelineTitle")}
      </h2>
      <ol className="flex flex-col gap-1" data-testid="timeline">
        {events
          .filter((event) => event.type !== "step_ticked")
          .map((event) => (
            <li key={event.id}>
              <time dateTime={event.at} className="font-mono text-base">
                {event.time}
              </time>{" "}
              {event.text}
            </li>
          ))}
      </ol>
    </section>
  );
}
