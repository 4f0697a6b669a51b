import "server-only";
import { db } from "@/lib/db";
import { formatPhone } from "@/lib/phone";
import { probableReason, type PersonState } from "@/components/incident/incident-status";
import type { IncidentEvent } from "@/lib/incidents/incident-events";
import { escalationSteps, type EscalationStep } from "./schedule";
import { wordGuessBudget } from "./verification";

/** What the live screen shows of a person: the verdict, its reason, and the guesses left. */
export type LivePerson = {
  personId: string;
  name: string;
  state: PersonState;
  guessesLeft: number;
  probable: { reason: "keypad" | "seen"; from: string } | null;
};
/** One ping of the incident and what became of it. */
export type LivePing = {
  id: string;
  name: string;
  wave: number;
  channel: "sms" | "voice";
  phone: string;
  display: string;
  status: string | null;
  verdict: string | null;
};
/** The state of an incident as every adult watching sees it; the domain derives it, the screen only shows it. */
export type LiveView = {
  status: "open" | "closed";
  outcome: string | null;
  paused: boolean;
  checkedSteps: string[];
  nextStep: EscalationStep | null;
  people: LivePerson[];
  pings: LivePing[];
};
/** A timeline entry as stored (`at` in UTC, ISO 8601): the stream and the page describe it in the reader's language. */
/** A timeline entry as the live stream reads it (lib/incidents/incident-events.ts types its data). */
export type LiveEventRow = IncidentEvent & { id: string; at: string };
export type LiveUpdate = { view: LiveView; events: LiveEventRow[]; lastEventId: string };

type Row = {
  view: {
    status: "open" | "closed";
    outcome: string | null;
    paused: boolean;
    checkedSteps: string[];
    stepsDone: string[];
    people: { personId: string; name: string; state: PersonState; used: number }[];
    pings: {
      id: string;
      personName: string | null;
      contactName: string | null;
      wave: number | null;
      channel: "sms" | "voice";
      phone: string;
      status: string | null;
      verdict: string | null;
    }[];
  };
  events: LiveEventRow[] | null;
  lastEventId: string | null;
};

export const LIVE_EVENTS_PER_READ = 500;

/**
 * The incident's live view and its timeline after `afterEventId` (and, with `lookbackSeconds`,
 * the entries of that last while, for those that committed after a later one), in one query: the live stream
 * runs it once per burst of events per app instance, whatever the number of adults watching.
 * The caller has authorized the incident.
 */
export async function readLiveUpdate(options: {
  incidentId: string;
  afterEventId?: bigint;
  lookbackSeconds?: number;
}): Promise<LiveUpdate | null> {
  const after = options.afterEventId ?? BigInt(0);
  const lookback = options.lookbackSeconds ?? 0;
  const rows = await db.$queryRaw<Row[]>`
    SELECT json_build_object(
      'status', i.status, 'outcome', i.outcome, 'paused', i.paused,
      'checkedSteps', i."checkedSteps", 'stepsDone', i."stepsDone",
      'people', COALESCE((
        SELECT json_agg(json_build_object(
          'personId', ip."personId", 'name', p.name, 'state', ip.state,
          'used', (SELECT count(*) FROM word_attempt w WHERE w."personId" = ip."personId" AND w.at > (now() AT TIME ZONE 'UTC') - make_interval(hours => ${wordGuessBudget.windowHours}))
        ) ORDER BY p.position, p."createdAt")
        FROM incident_person ip JOIN person p ON p.id = ip."personId" WHERE ip."incidentId" = i.id), '[]'::json),
      'pings', COALESCE((
        SELECT json_agg(json_build_object(
          'id', c.id, 'personName', cp.name, 'contactName', ct.name, 'wave', c.wave, 'channel', c.channel,
          'phone', c.phone, 'status', m.status, 'verdict', c.verdict
        ) ORDER BY c.wave, c."createdAt")
        FROM check_in c
        LEFT JOIN person cp ON cp.id = c."personId"
        LEFT JOIN contact ct ON ct.id = c."contactId"
        LEFT JOIN outbound_message m ON m.id = c."messageId"
        WHERE c."incidentId" = i.id), '[]'::json)
    ) AS view,
    (SELECT json_agg(json_build_object('id', e.id::text, 'type', e.type, 'data', e.data, 'at', to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e.id)
       FROM (SELECT * FROM incident_event WHERE "incidentId" = i.id AND (id > ${after} OR "createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${lookback})) ORDER BY id LIMIT ${LIVE_EVENTS_PER_READ}) e) AS events,
    (SELECT max(id)::text FROM incident_event WHERE "incidentId" = i.id) AS "lastEventId"
    FROM incident i WHERE i.id = ${options.incidentId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return { view: toLiveView(row.view), events: row.events ?? [], lastEventId: row.lastEventId ?? "0" };
}

function toLiveView(raw: Row["view"]): LiveView {
  const answers = raw.pings.map((ping) => ({
    verdict: ping.verdict,
    person: ping.personName ? { name: ping.personName } : null,
    contact: ping.contactName ? { name: ping.contactName } : null,
  }));
  const pings = raw.pings.map((ping) => ({
    id: ping.id,
    name: ping.contactName ?? ping.personName ?? "",
    wave: ping.wave ?? 0,
    channel: ping.channel,
    phone: ping.phone,
    display: formatPhone(ping.phone),
    status: ping.status,
    verdict: ping.verdict,
  }));
  return {
    status: raw.status,
    outcome: raw.outcome,
    paused: raw.paused,
    checkedSteps: raw.checkedSteps,
    nextStep: escalationSteps.find((step) => !raw.stepsDone.includes(step)) ?? null,
    people: raw.people.map((person) => ({
      personId: person.personId,
      name: person.name,
      state: person.state,
      guessesLeft: Math.max(0, wordGuessBudget.limit - Number(person.used)),
      probable: person.state === "probably_safe" ? probableReason(person.name, answers) : null,
    })),
    pings,
  };
}
