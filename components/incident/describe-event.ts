import type { getTranslations } from "next-intl/server";
import type { IncidentEvent } from "@/lib/incidents/incident-events";
import { formatPhone } from "@/lib/phone";

type T = Awaited<ReturnType<typeof getTranslations<"incident">>>;

/**
 * One line of the timeline, in the reader's language. Secret words never reach an event. The
 * switch covers every kind (lib/incidents/incident-events.ts): a new kind fails the type check
 * here until it is described.
 */
export function describeEvent(t: T, event: IncidentEvent): string {
  switch (event.type) {
    case "ping_sent":
      return t("event.ping_sent", { name: event.data.name });
    case "wave_started":
      return t("event.wave_started", { step: t(`step.${event.data.step}`), count: event.data.count });
    case "delivery": {
      const status = `status.${event.data.status}`;
      return t("event.delivery", { phone: formatPhone(event.data.phone), status: t.has(status) ? t(status) : event.data.status });
    }
    case "reply":
    case "late_reply": {
      const { from, verdict, text, guessesLeft } = event.data;
      const quoted = text ? ` — “${text}”` : "";
      const left = typeof guessesLeft === "number" && verdict === "wrong_word" ? ` (${t("guessesLeft", { count: guessesLeft })})` : "";
      return t(`event.${event.type}`, { from, verdict: t(`verdict.${verdict}`) }) + quoted + left;
    }
    case "closed":
      return t("event.closed", { outcome: t(`outcome.${event.data.outcome}`) });
    case "all_clear_sent":
    case "stand_down_sent":
      return t(`event.${event.type}`, { count: event.data.count });
    case "opted_out":
    case "opted_in":
      return t(`event.${event.type}`, { phone: formatPhone(event.data.phone) });
    case "person_state":
      return t("event.person_state", { person: event.data.person, state: t(`personState.${event.data.state}`) });
    case "danger_alert_sent":
      return t("event.danger_alert_sent");
    case "caller_word_checked":
      return t("event.caller_word_checked", { result: t(`wordResult.${event.data.result}`) });
    case "started":
    case "paused":
    case "resumed":
    case "notes_updated":
    case "step_ticked":
      return t(`event.${event.type}`);
    default:
      return event satisfies never;
  }
}
