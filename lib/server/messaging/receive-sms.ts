import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { renderSms } from "@/lib/messaging/templates";
import { normalizeSecretWord, SECRET_WORD_MAX_LENGTH, SECRET_WORD_MIN_LENGTH } from "@/lib/secret-word";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { recordIncidentReply } from "@/lib/server/incidents/record-reply";
import { secretWordMatches } from "@/lib/server/secret-words/secret-words";
import { inboundSmsSchema } from "@/lib/validation/twilio-webhooks";
import { sendSms } from "./send-message";
import type { WebhookInput } from "./webhooks";

export const REDACTED = "[redacted]";
export const CHECK_IN_REPLY_WINDOW_MS = 24 * 3600_000;

/** The check-in this number is answering: an unanswered test, or any incident's (several answers count). */
async function findOpenCheckIn(phone: string) {
  return db.checkIn.findFirst({
    where: { phone, createdAt: { gt: new Date(Date.now() - CHECK_IN_REPLY_WINDOW_MS) }, OR: [{ kind: "incident" }, { repliedAt: null }] },
    orderBy: { createdAt: "desc" },
    include: { family: { select: { locale: true, secretWords: true } } },
  });
}

/** A short reply from a protected person may be a secret word: then it is never stored in clear. */
async function matchingSecretWord(checkIn: NonNullable<Awaited<ReturnType<typeof findOpenCheckIn>>>, body: string): Promise<"safe" | "duress" | null> {
  const words = checkIn.family.secretWords;
  const length = normalizeSecretWord(body).length;
  if (!checkIn.personId || !words || length < SECRET_WORD_MIN_LENGTH || length > SECRET_WORD_MAX_LENGTH) return null;
  const [safe, duress] = await Promise.all([secretWordMatches(words.safeWordHash, body), secretWordMatches(words.duressWordHash, body)]);
  return safe ? "safe" : duress ? "duress" : null;
}

async function senderLocale(phone: string, fallback?: Locale): Promise<Locale> {
  const known = (await db.person.findFirst({ where: { phone }, select: { locale: true } })) ?? (await db.contact.findFirst({ where: { phone }, select: { locale: true } }));
  return known?.locale ?? fallback ?? (phone.startsWith("+52") ? "es" : "en");
}

async function isInAnyPlan(phone: string): Promise<boolean> {
  const [people, contacts] = await Promise.all([db.person.count({ where: { phone } }), db.contact.count({ where: { phone } })]);
  return people + contacts > 0;
}

/**
 * An inbound SMS: stored once (keyed by MessageSid) before anything else, then acted on once:
 * carrier keywords, an answer to an open check-in, or a short generic answer to a stranger.
 */
export async function receiveInboundSms({ params }: WebhookInput): Promise<Response | void> {
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { MessageSid, From, Body } = parsed.data;

  const checkIn = await findOpenCheckIn(From);
  const word = checkIn ? await matchingSecretWord(checkIn, Body) : null;
  const storedBody = word ? REDACTED : Body;
  await db.inboundWebhook.createMany({
    data: [{ providerKey: MessageSid, kind: "sms", fromNumber: From, body: storedBody, params: { ...params, Body: storedBody }, familyId: checkIn?.familyId }],
    skipDuplicates: true,
  });

  const keyword = carrierKeyword(Body);
  // The claim and the effects commit together: a crash before the commit leaves the message
  // unprocessed, and the provider's retry processes it; a repeated delivery finds it claimed.
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.inboundWebhook.updateMany({ where: { providerKey: MessageSid, processedAt: null }, data: { processedAt: new Date() } });
    if (count === 0) return false;
    if (keyword === "stop") await tx.smsOptOut.upsert({ where: { phone: From }, create: { phone: From }, update: {} });
    if (keyword === "start") await tx.smsOptOut.deleteMany({ where: { phone: From } });
    if (!keyword && checkIn?.kind === "test") {
      await tx.checkIn.updateMany({ where: { id: checkIn.id, repliedAt: null }, data: { reply: storedBody, repliedAt: new Date() } });
    }
    return true;
  });
  if (!claimed) return;

  if (!keyword && checkIn?.kind === "incident") {
    await recordIncidentReply({ checkIn, text: storedBody, word, via: "sms" });
    return;
  }

  if (keyword === "help") {
    const locale = await senderLocale(From, checkIn?.family.locale);
    await sendSms({ familyId: checkIn?.familyId ?? null, to: From, locale, purpose: "help_reply", ...renderSms(locale, "help") });
  } else if (!keyword && !checkIn && !(await isInAnyPlan(From))) {
    // One short answer a day to a number we do not know, so two robots cannot loop.
    const allowed = await consumeAttempt({ key: `unknown-sender:${From}`, limit: 1, windowSeconds: 24 * 3600 });
    if (allowed.allowed) {
      const locale = await senderLocale(From);
      await sendSms({ familyId: null, to: From, locale, purpose: "unknown_sender_reply", ...renderSms(locale, "unknownSender") });
    }
  }
}
