import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { closeIncidentIn } from "./close-incident";
import { appendIncidentEvent } from "./events";
import { familyAdults, queueNotice } from "./notify";
import { nextPersonState, spendWordGuess, type PersonEvidence } from "./verification";
import type { CheckInVerdict } from "@/lib/generated/prisma/enums";

type Transaction = Prisma.TransactionClient;

/** What a text means to one family (lib/server/replies/read-reply.ts works it out). */
export type Reading = {
  /** Which of this family's words the text holds anywhere, duress first. */
  word: "safe" | "duress" | null;
  /** The text offers the word on its own (with filler at most): it can confirm. */
  whole: boolean;
  /** The text could be an attempt at a word (not a sentence): it spends a guess. */
  attempt: boolean;
  answer: "yes" | "no" | null;
};

export type ReplyInput = { via: "sms"; reading: Reading; text: string | null } | { via: "keypad"; digit: string };

/** What an answer meant: the schema's CheckInVerdict. */
export type Verdict = CheckInVerdict;

type IncidentCheckIn = { id: string; incidentId: string; personId: string | null; contactId: string | null };

/**
 * What one answer to an incident's check-in does, in the caller's transaction, under the
 * incident's row lock. From the person: the duress word puts them in danger for good, silently;
 * the safe word confirms them when the guess budget allows; either word, when it could confirm,
 * gets the very same reply on their phone and ends the calls to it. From a contact: YES makes
 * the person probably safe. Answers after the end are kept and shown; a late duress word still
 * alerts the adults.
 */
export async function applyIncidentReply(tx: Transaction, options: { checkIn: IncidentCheckIn; input: ReplyInput }) {
  const { checkIn, input } = options;
  // Only an answer that can change someone's state waits for the incident's lock; ordinary text
  // (the bulk of replies) is recorded beside it without queueing behind other replies.
  const mayChangeState = input.via === "keypad" || input.reading.word !== null || input.reading.answer === "yes";
  if (mayChangeState) await tx.$queryRaw`SELECT id FROM incident WHERE id = ${checkIn.incidentId}::uuid FOR NO KEY UPDATE`;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: checkIn.incidentId }, include: { family: true } });
  const open = incident.status === "open";
  const fromPerson = checkIn.personId !== null && checkIn.contactId === null;
  const sender = fromPerson
    ? await tx.person.findUnique({ where: { id: checkIn.personId! } })
    : checkIn.contactId
      ? await tx.contact.findUnique({ where: { id: checkIn.contactId } })
      : null;
  const entry = checkIn.personId
    ? await tx.incidentPerson.findUnique({
        where: { incidentId_personId: { incidentId: incident.id, personId: checkIn.personId } },
        include: { person: true },
      })
    : null;

  let verdict: Verdict = "text";
  let evidence: PersonEvidence | null = null;
  let acknowledge = false;
  let guessesLeft: number | null = null;
  if (fromPerson && input.via === "sms") {
    const { reading } = input;
    // Sentences and late answers spend nothing; anything that could be a word spends a guess.
    const guess = reading.attempt && open ? await spendWordGuess(tx, { personId: checkIn.personId!, incidentId: incident.id }) : null;
    const withinBudget = guess?.allowed ?? true;
    guessesLeft = guess?.left ?? null;
    if (reading.word === "duress")
      [verdict, evidence] = ["danger", "duress_word"]; // honoured whatever the budget says
    else if (!withinBudget) verdict = "locked";
    else if (reading.word === "safe" && reading.whole) [verdict, evidence] = ["safe", "safe_word"];
    else verdict = reading.attempt ? "wrong_word" : "text";
    // Either word, offered on its own within the budget: the same reply, the same silence after.
    acknowledge = open && reading.word !== null && reading.whole && withinBudget && !entry?.wordAnsweredAt;
  } else if (fromPerson && input.via === "keypad") {
    if (input.digit === "1") [verdict, evidence] = ["keypad_safe", "keypad_safe"];
  } else if (!fromPerson) {
    const answer = input.via === "keypad" ? (({ "1": "yes", "2": "no" } as const)[input.digit as "1" | "2"] ?? null) : input.reading.answer;
    if (answer === "yes") [verdict, evidence] = ["seen_safe", "seen_safe"];
    if (answer === "no") verdict = "not_seen";
  }

  const redacted = input.via === "sms" && input.reading.word !== null;
  const text = input.via === "sms" ? (redacted ? "[redacted]" : input.text) : `keypad:${input.digit}`;
  await tx.checkIn.update({ where: { id: checkIn.id }, data: { verdict, reply: text?.slice(0, 1600) ?? null, repliedAt: new Date() } });
  // The reply to either word, when it could confirm: the person's closing text, counted by the report.
  let replyMessageId: string | null = null;
  if (acknowledge && entry) {
    await tx.incidentPerson.update({ where: { id: entry.id }, data: { wordAnsweredAt: new Date() } });
    const message = await queueNotice(tx, {
      familyId: incident.familyId,
      recipient: { phone: entry.person.phone, locale: entry.person.locale, channel: "sms" },
      purpose: "incident_word_reply",
      sms: "scamNotice",
      voice: "standDownCall",
      drill: incident.drill,
    });
    replyMessageId = message.id;
  }
  // The event never carries a secret word, only what it meant.
  await appendIncidentEvent({
    client: tx,
    incidentId: incident.id,
    type: open ? "reply" : "late_reply",
    data: {
      from: sender?.name ?? "",
      person: entry?.person.name ?? null,
      verdict,
      via: input.via,
      text: redacted || input.via !== "sms" ? null : (text ?? "").slice(0, 500),
      guessesLeft,
      ...(replyMessageId ? { replyMessageId } : {}),
    },
  });
  if (evidence === "safe_word")
    await tx.secretWords.updateMany({ where: { familyId: incident.familyId }, data: { safeWordExposedAt: new Date() } });
  if (!entry || !evidence) return;

  const before = entry.state;
  const after = open ? nextPersonState(before, evidence) : before;
  if (after !== before) await tx.incidentPerson.update({ where: { id: entry.id }, data: { state: after } });
  if (evidence === "duress_word" && (before !== "in_danger" || !open)) {
    // Every adult with a saved number, at once; discreet, and never to the person's phone.
    for (const adult of await familyAdults(tx, incident.familyId)) {
      if (adult.phone === entry.person.phone) continue;
      await queueNotice(tx, {
        familyId: incident.familyId,
        recipient: adult,
        purpose: "incident_danger_alert",
        sms: "adultAlert",
        voice: "standDownCall",
        values: { name: entry.person.name.split(" ")[0] ?? entry.person.name },
        drill: incident.drill,
      });
    }
    await appendIncidentEvent({ client: tx, incidentId: incident.id, type: "danger_alert_sent", data: { person: entry.person.name } });
  }
  if (after !== before)
    await appendIncidentEvent({
      client: tx,
      incidentId: incident.id,
      type: "person_state",
      data: { person: entry.person.name, personId: entry.personId, state: after },
    });

  if (open && after === "confirmed_safe") {
    const states = await tx.incidentPerson.findMany({ where: { incidentId: incident.id }, select: { state: true } });
    if (states.every((row) => row.state === "confirmed_safe"))
      await closeIncidentIn(tx, { incidentId: incident.id, outcome: "confirmed_safe", closedById: null });
  }
}
