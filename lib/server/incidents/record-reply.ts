import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { appendIncidentEvent } from "./events";
import { closeIncident } from "./close-incident";

export const MAX_WRONG_WORDS = 5;

type IncidentCheckIn = { id: string; incidentId: string | null; personId: string | null; contactId: string | null; wave: number | null };

const yes = /^(yes|y|si|sí|s)$/i;
const no = /^(no|n)$/i;

function yesOrNo(text: string): "yes" | "no" | null {
  const word = text.trim().replace(/[.!¡?¿]+/g, "").trim();
  if (yes.test(word)) return "yes";
  if (no.test(word)) return "no";
  return null;
}

/**
 * What an answer to an incident's check-in means. From the person: the safe word confirms
 * (and closes the incident), the duress word means danger (the sender sees nothing different),
 * anything else is shown as text and counted against the wrong-word limit. From a contact:
 * YES means seen safe, NO is noted. Answers after the end are attached and shown, not acted on.
 */
export async function recordIncidentReply(options: { checkIn: IncidentCheckIn; text: string; word: "safe" | "duress" | null; via: "sms" | "keypad" }) {
  const { checkIn, text, via } = options;
  const [incident, sender] = await Promise.all([
    db.incident.findUnique({ where: { id: checkIn.incidentId! } }),
    db.checkIn.findUnique({ where: { id: checkIn.id }, select: { contact: { select: { name: true } }, person: { select: { name: true } } } }),
  ]);
  if (!incident) return;
  const from = sender?.contact?.name ?? sender?.person?.name ?? "";
  const open = incident.status === "open";

  let verdict: string;
  if (checkIn.personId) {
    const overLimit = incident.wrongWordAttempts >= MAX_WRONG_WORDS;
    if (options.word === "duress") verdict = "danger";
    else if (options.word === "safe" && !overLimit) verdict = "safe";
    else if (via === "keypad") verdict = text === "1" ? "keypad_safe" : "text";
    else verdict = "text";
    if (verdict === "text" && via === "sms") await db.incident.update({ where: { id: incident.id }, data: { wrongWordAttempts: { increment: 1 } } });
    if (options.word === "safe") await db.secretWords.updateMany({ where: { familyId: incident.familyId }, data: { safeWordExposedAt: new Date() } });
  } else {
    const answer = via === "keypad" ? (text === "1" ? "yes" : text === "2" ? "no" : null) : yesOrNo(text);
    verdict = answer === "yes" ? "seen_safe" : answer === "no" ? "not_seen" : "text";
  }

  await db.checkIn.update({ where: { id: checkIn.id }, data: { verdict, reply: options.word ? "[redacted]" : text, repliedAt: new Date() } });
  // The event never carries a secret word: only what it meant.
  await appendIncidentEvent({
    incidentId: incident.id,
    type: open ? "reply" : "late_reply",
    data: { from, verdict, via, text: options.word || verdict !== "text" ? null : text.slice(0, 500), attemptsLeft: checkIn.personId ? Math.max(0, MAX_WRONG_WORDS - incident.wrongWordAttempts - (verdict === "text" && via === "sms" ? 1 : 0)) : null },
  });
  if (open && verdict === "safe") {
    await closeIncident({ incidentId: incident.id, outcome: "confirmed_safe", closedById: null }).catch((error: unknown) => {
      // An adult closed it a moment earlier: nothing left to do.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    });
  }
}
