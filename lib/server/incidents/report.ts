import "server-only";
import { displayIdentifier } from "@/lib/caller-identifiers";
import { db } from "@/lib/db";
import { listIncidentIdentifiers } from "@/lib/server/callers/incident-callers";
import { getIncident } from "./manage-incident";

type Scope = { familyId: string; userId: string; incidentId: string };

/** What a closing message was, by the purpose it was queued with. */
const closingKinds = { incident_all_clear: "all_clear", incident_stand_down: "stand_down", incident_word_reply: "word_reply" } as const;
export type ClosingKind = (typeof closingKinds)[keyof typeof closingKinds];

export type ClosingMessage = {
  id: string;
  kind: ClosingKind;
  name: string;
  phone: string;
  channel: "sms" | "voice";
  status: string;
  /** Never handed to the provider: the number had replied STOP. */
  optedOut: boolean;
};

type EventData = { count?: unknown; messageIds?: unknown; replyMessageId?: unknown };

/** The ids of the closing messages the incident's events name (the reply to a word, the all-clear or "no longer needed"). */
function closingMessageIds(events: { type: string; data: unknown }[]) {
  const ids: string[] = [];
  let unnamed = 0;
  for (const event of events) {
    const data = (event.data ?? {}) as EventData;
    if ((event.type === "reply" || event.type === "late_reply") && typeof data.replyMessageId === "string") ids.push(data.replyMessageId);
    if (event.type === "all_clear_sent" || event.type === "stand_down_sent") {
      if (Array.isArray(data.messageIds)) ids.push(...data.messageIds.filter((id): id is string => typeof id === "string"));
      // Incidents closed before the messages were named only kept how many there were.
      else unnamed += Number(data.count ?? 0) || 0;
    }
  }
  return { ids, unnamed };
}

/**
 * Everything the printable report shows: the incident as the checklist has it, when it started
 * and ended and how long it lasted, and every closing message actually queued, with whom it was
 * for and how far it got.
 */
export async function getIncidentReport(options: Scope & { now?: Date }) {
  const incident = await getIncident(options);
  const { ids, unnamed } = closingMessageIds(incident.events);
  const [messages, adults, identifiers] = await Promise.all([
    ids.length
      ? db.outboundMessage.findMany({
          where: { id: { in: ids }, familyId: incident.family.id },
          select: { id: true, to: true, purpose: true, channel: true, status: true, errorCode: true, createdAt: true },
          orderBy: { createdAt: "asc" },
        })
      : [],
    db.membership.findMany({
      where: { familyId: incident.family.id, phone: { not: null } },
      select: { phone: true, user: { select: { name: true } } },
    }),
    listIncidentIdentifiers(incident.incident),
  ]);
  const names = new Map<string, string>();
  for (const adult of adults) if (adult.phone) names.set(adult.phone, adult.user.name);
  for (const checkIn of incident.checkIns) names.set(checkIn.phone, checkIn.contact?.name ?? checkIn.person?.name ?? "");
  const closing: ClosingMessage[] = messages.flatMap((message) => {
    const kind = closingKinds[message.purpose as keyof typeof closingKinds];
    if (!kind) return [];
    return [
      {
        id: message.id,
        kind,
        name: names.get(message.to) ?? "",
        phone: message.to,
        channel: message.channel,
        status: message.status,
        optedOut: message.errorCode === "opted_out",
      },
    ];
  });
  const startedAt = incident.incident.startedAt;
  const endedAt = incident.incident.closedAt;
  return {
    ...incident,
    startedAt,
    endedAt,
    /** Until the end, or until now while it is still open. */
    durationMs: Math.max(0, (endedAt ?? options.now ?? new Date()).getTime() - startedAt.getTime()),
    closing,
    /** The caller's number (checked) and the payment details they gave, as entered on the incident. */
    caller: {
      hidden: incident.incident.callerHidden,
      identifiers: identifiers.map((identifier) => ({
        ...identifier,
        display: identifier.kind === "card" ? identifier.value : displayIdentifier(identifier),
      })),
    },
    /** Closing messages queued for sending: every one named, but those to numbers that opted out; plus older incidents' counts. */
    closingSent: closing.filter((message) => !message.optedOut).length + unnamed,
  };
}
