import type { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/phone";

type T = Awaited<ReturnType<typeof getTranslations<"incident">>>;
type Event = { type: string; data: unknown };

/** One line of the timeline, in the reader's language. Secret words never reach an event. */
export function describeEvent(t: T, event: Event): string {
  const data = (event.data ?? {}) as Record<string, string | number | null | undefined>;
  const str = (key: string) => String(data[key] ?? "");
  switch (event.type) {
    case "ping_sent":
      return t("event.ping_sent", { name: str("name") });
    case "wave_started":
      return t("event.wave_started", { step: t(`step.${str("step")}` as "step.call"), count: Number(data.count ?? 0) });
    case "delivery":
      return t("event.delivery", { phone: formatPhone(str("phone")), status: t.has(`status.${str("status")}` as "status.sent") ? t(`status.${str("status")}` as "status.sent") : str("status") });
    case "reply":
    case "late_reply": {
      const verdict = t(`verdict.${str("verdict")}` as "verdict.text");
      const text = data.text ? ` — “${str("text")}”` : "";
      const left = typeof data.guessesLeft === "number" && str("verdict") === "wrong_word" ? ` (${t("guessesLeft", { count: data.guessesLeft })})` : "";
      return t(`event.${event.type}`, { from: str("from"), verdict }) + text + left;
    }
    case "closed":
      return t("event.closed", { outcome: t(`outcome.${str("outcome")}` as "outcome.false_alarm") });
    case "all_clear_sent":
    case "stand_down_sent":
      return t(`event.${event.type}`, { count: Number(data.count ?? 0) });
    case "opted_out":
    case "opted_in":
      return t(`event.${event.type}`, { phone: formatPhone(str("phone")) });
    case "person_state":
      return t("event.person_state", { person: str("person"), state: t(`personState.${str("state")}` as "personState.waiting") });
    case "danger_alert_sent":
      return t("event.danger_alert_sent");
    case "caller_word_checked":
      return t("event.caller_word_checked", { result: t(`wordResult.${str("result")}` as "wordResult.none") });
    case "started":
    case "paused":
    case "resumed":
    case "notes_updated":
    case "step_ticked":
      return t(`event.${event.type}`);
    default:
      return event.type;
  }
}
