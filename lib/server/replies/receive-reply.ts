import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckInKind, Locale } from "@/lib/generated/prisma/enums";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { renderSms } from "@/lib/messaging/templates";
import { applyIncidentReply, type Reading } from "@/lib/server/incidents/apply-reply";
import { appendIncidentEvent } from "@/lib/server/incidents/events";
import { CONVERSATION_WINDOW_MS, queueMessage } from "@/lib/server/messaging/send-message";
import { consumeAttemptIn } from "@/lib/server/rate-limit/consume-attempt";

/** How long after a check-in a reply from its number still counts as its answer. */
export const CHECK_IN_REPLY_WINDOW_MS = CONVERSATION_WINDOW_MS;
export const REDACTED = "[redacted]";

type Transaction = Prisma.TransactionClient;
type Client = Pick<Transaction, "checkIn">;

export type AskingCheckIn = {
  id: string;
  familyId: string;
  kind: CheckInKind;
  incidentId: string | null;
  incidentOpen: boolean;
  personId: string | null;
  contactId: string | null;
  channel: "sms" | "voice";
};

export const SENT_AT_SLACK_MS = 2000;

/**
 * Every question this number may be answering, in every family: each open (or recently ended)
 * incident's latest check-in to it per role, and unanswered tests. When a family has an open
 * incident asking this number, its ended ones do not also take the answer. With a pool of
 * senders, `to` (the app's number the reply was sent to) keeps only that conversation's questions.
 */
export async function findAskingCheckIns(
  client: Client,
  phone: string,
  options: { to?: string; pool?: readonly string[]; sentAt?: Date } = {},
): Promise<AskingCheckIn[]> {
  const since = new Date((options.sentAt ?? new Date()).getTime() - CHECK_IN_REPLY_WINDOW_MS);
  const byConversation =
    options.to && options.pool?.includes(options.to)
      ? { OR: [{ message: { fromNumber: options.to } }, { message: { fromNumber: null } }, { messageId: null }] }
      : {};
  const rows = await client.checkIn.findMany({
    where: {
      phone,
      // A text found late (reconciliation) answers only what was asked before it was sent; the
      // provider's record keeps whole seconds, and its clock is not ours.
      createdAt: { gt: since, ...(options.sentAt ? { lt: new Date(options.sentAt.getTime() + SENT_AT_SLACK_MS) } : {}) },
      AND: [{ OR: [{ kind: "incident" }, { kind: "test", repliedAt: null }] }, byConversation],
    },
    include: { incident: { select: { status: true } } },
    orderBy: { createdAt: "desc" },
  });
  const chosen = new Map<string, AskingCheckIn>();
  for (const row of rows) {
    const role = row.contactId ? `contact:${row.contactId}` : `person:${row.personId}`;
    const key = row.kind === "test" ? `test:${row.id}` : `${row.incidentId}:${role}`;
    const current = chosen.get(key);
    // A text answers the text that asked; the latest one when there are several.
    if (current && !(current.channel === "voice" && row.channel === "sms")) continue;
    chosen.set(key, {
      id: row.id,
      familyId: row.familyId,
      kind: row.kind,
      incidentId: row.incidentId,
      incidentOpen: row.incident?.status === "open",
      personId: row.personId,
      contactId: row.contactId,
      channel: row.channel,
    });
  }
  const all = [...chosen.values()];
  const familiesWithOpen = new Set(all.filter((checkIn) => checkIn.incidentOpen).map((checkIn) => checkIn.familyId));
  return all.filter((checkIn) => checkIn.kind === "test" || checkIn.incidentOpen || !familiesWithOpen.has(checkIn.familyId));
}

/**
 * The questions a text answers. A text holding a family's word reaches that family's latest
 * question, live or ended (a late duress word still alerts its adults). Otherwise a live question,
 * in any family, outranks every ended one and every test: text written to a live question never
 * lands on another family's old one. Every other family that asked gets it too, unless the text
 * holds a word of some family: then only families that see no text from this number anyway (it
 * is another family's protected person) get it, as `[redacted]`, whether or not it held a word,
 * so that what they see never tells a right guess at another family's word from a wrong one.
 */
export function answeredCheckIns(
  asking: AskingCheckIn[],
  readings: Record<string, Reading>,
  protectors: ReadonlySet<string>,
): AskingCheckIn[] {
  const withWord = new Set(asking.filter((checkIn) => readings[checkIn.familyId]?.word).map((checkIn) => checkIn.familyId));
  const anyLive = asking.some((checkIn) => checkIn.incidentOpen);
  return asking.filter((checkIn) => {
    if (withWord.has(checkIn.familyId)) return true;
    if (anyLive && !checkIn.incidentOpen) return false;
    return withWord.size === 0 || [...protectors].some((familyId) => familyId !== checkIn.familyId);
  });
}

/**
 * Acts on one inbound text, in the intake's transaction: carrier keywords first (they are no
 * answer, and the setup keeps them apart from the words), then each asking family's check-ins.
 */
export async function receiveReply(
  tx: Transaction,
  options: {
    from: string;
    to: string | null;
    pool: readonly string[];
    sentAt?: Date;
    text: string;
    redacted: boolean;
    readings: Record<string, Reading>;
    senderLocale: Locale;
  },
) {
  const asking = await findAskingCheckIns(tx, options.from, { to: options.to ?? undefined, pool: options.pool, sentAt: options.sentAt });
  const keyword = options.redacted ? null : carrierKeyword(options.text);
  if (keyword) {
    if (keyword === "stop")
      await tx.$executeRaw`INSERT INTO sms_opt_out (phone, "optedOutAt") VALUES (${options.from}, now()) ON CONFLICT DO NOTHING`;
    if (keyword === "start") await tx.smsOptOut.deleteMany({ where: { phone: options.from } });
    if (keyword === "help") {
      await queueMessage(tx, {
        familyId: asking[0]?.familyId ?? null,
        channel: "sms",
        to: options.from,
        locale: options.senderLocale,
        purpose: "help_reply",
        body: renderSms(options.senderLocale, "help").body,
      });
    }
    // Each family whose live incident asks this number sees that it stopped (or resumed) texts.
    if (keyword !== "help") {
      for (const incidentId of new Set(asking.filter((checkIn) => checkIn.incidentOpen).map((checkIn) => checkIn.incidentId!))) {
        await appendIncidentEvent({
          client: tx,
          incidentId,
          type: keyword === "stop" ? "opted_out" : "opted_in",
          data: { phone: options.from },
        });
      }
    }
    return;
  }

  // A number that a family protects as a person may send that family's words. Any other family
  // that asks it sees none of its text (only YES/NO counts), whether or not the text held a word:
  // otherwise a family of its own making would tell a coercer holding the phone which guess was right.
  // The readings name every family that asked this number or holds it: with one, there is no
  // other family to protect it, and the hot path spares the query.
  const protectors =
    Object.keys(options.readings).length > 1
      ? new Set((await tx.person.findMany({ where: { phone: options.from }, select: { familyId: true } })).map((row) => row.familyId))
      : new Set<string>();
  for (const checkIn of answeredCheckIns(asking, options.readings, protectors)) {
    const reading = options.readings[checkIn.familyId] ?? { word: null, whole: false, attempt: false, answer: null };
    const protectedElsewhere = [...protectors].some((familyId) => familyId !== checkIn.familyId);
    const text = reading.word || options.redacted || protectedElsewhere ? REDACTED : options.text;
    if (checkIn.kind === "test") {
      await tx.checkIn.updateMany({
        where: { id: checkIn.id, repliedAt: null },
        data: { reply: text.slice(0, 1600), repliedAt: new Date() },
      });
    } else {
      await applyIncidentReply(tx, {
        checkIn: { id: checkIn.id, incidentId: checkIn.incidentId!, personId: checkIn.personId, contactId: checkIn.contactId },
        input: { via: "sms", reading, text },
      });
    }
  }

  if (asking.length === 0 && !(await isInAnyPlan(tx, options.from))) {
    // One short answer a day to a number we do not know, so two robots cannot loop.
    const allowed = await consumeAttemptIn(tx, { key: `unknown-sender:${options.from}`, limit: 1, windowSeconds: 24 * 3600 });
    if (allowed.allowed) {
      await queueMessage(tx, {
        familyId: null,
        channel: "sms",
        to: options.from,
        locale: options.senderLocale,
        purpose: "unknown_sender_reply",
        body: renderSms(options.senderLocale, "unknownSender").body,
      });
    }
  }
}

async function isInAnyPlan(tx: Transaction, phone: string): Promise<boolean> {
  const [person, contact] = await Promise.all([tx.person.count({ where: { phone } }), tx.contact.count({ where: { phone } })]);
  return person + contact > 0;
}
