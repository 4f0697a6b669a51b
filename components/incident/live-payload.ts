import type { getFormatter, getTranslations } from "next-intl/server";
import type { IncidentEventType } from "@/lib/generated/prisma/enums";
import type { LiveUpdate, LiveView } from "@/lib/server/incidents/live-view";
import { describeEvent } from "./describe-event";

/** A timeline entry as the screen shows it: already in the reader's language. */
export type LiveEvent = { id: string; at: string; time: string; type: IncidentEventType; text: string };
/** What the live stream sends with every burst of events, and what the page starts from. */
export type LivePayload = { view: LiveView; events: LiveEvent[] };

type T = Awaited<ReturnType<typeof getTranslations<"incident">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/**
 * An update put in the reader's words on the server: the browser only shows it, so the phone
 * downloads neither the phone-number library nor the rules that turned answers into states.
 */
export function localizeLiveUpdate(t: T, format: Format, update: LiveUpdate): LivePayload {
  return {
    view: update.view,
    events: update.events.map((event) => ({
      id: event.id,
      at: event.at,
      time: format.dateTime(new Date(event.at), { timeStyle: "medium" }),
      type: event.type,
      text: describeEvent(t, event),
    })),
  };
}
