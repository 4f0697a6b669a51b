// The incident timeline's vocabulary: every kind of entry (the database's IncidentEventType) and
// the data it carries. Adding a kind to the schema's enum fails the type check here until its
// data is described, and in describe-event.ts until it is described in words.
import type { Channel, CheckInVerdict, IncidentEventType, IncidentOutcome, PersonVerification } from "@/lib/generated/prisma/enums";
import type { EscalationStep } from "@/lib/server/incidents/schedule";

export type CallerWordResult = "safe" | "duress" | "none";

/** Refuses a data map that leaves a kind of entry out. */
type EveryKind<T extends Record<IncidentEventType, object>> = T;

/** Fields added after the first incidents were recorded are optional: old entries lack them. */
export type IncidentEventData = EveryKind<{
  started: { personId: string | null; drill: boolean; alreadyVerified?: number };
  ping_sent: { name: string; channel: Channel; status: string };
  wave_started: { step: EscalationStep; count: number; manual?: boolean };
  delivery: { phone: string; status: string };
  reply: ReplyEventData;
  late_reply: ReplyEventData;
  closed: { outcome: IncidentOutcome; by: "adult" | "automatic"; drillEnded?: boolean };
  all_clear_sent: ClosingEventData;
  stand_down_sent: ClosingEventData;
  danger_alert_sent: { person: string };
  paused: NoData;
  resumed: NoData;
  notes_updated: NoData;
  step_ticked: { step: string; checked: boolean };
  caller_word_checked: { result: CallerWordResult };
  opted_out: { phone: string };
  opted_in: { phone: string };
  person_state: { person: string; personId: string; state: PersonVerification };
}>;

type NoData = Record<string, never>;

/** Never the text of a reply that held a word: only what it meant. */
type ReplyEventData = {
  from: string;
  person: string | null;
  verdict: CheckInVerdict;
  via: "sms" | "keypad";
  text: string | null;
  guessesLeft: number | null;
  /** The short reply the person's phone got for a word (the report counts it as a closing message). */
  replyMessageId?: string;
};

type ClosingEventData = { count: number; messageIds?: string[] };

export type IncidentEventOf<T extends IncidentEventType> = { type: T; data: IncidentEventData[T] };

/** One timeline entry, narrowed by its `type`. */
export type IncidentEvent = { [T in IncidentEventType]: IncidentEventOf<T> }[IncidentEventType];

/**
 * An entry as read from the database: its type is checked by PostgreSQL (an enum), its data was
 * written by `appendIncidentEvent` for that type. The one place where stored JSON becomes typed.
 */
export function asIncidentEvent<Row extends { type: IncidentEventType; data: unknown }>(row: Row): Row & IncidentEvent {
  return { ...row, data: row.data ?? {} } as Row & IncidentEvent;
}
