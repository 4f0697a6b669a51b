import "server-only";
import twilio from "twilio";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";
import { failedStatuses, movesForward } from "@/lib/messaging/status";
import { runIncidentStep } from "@/lib/server/incidents/run-step";
import { appendIncidentEvent } from "@/lib/server/incidents/events";
import { recordIncidentReply } from "@/lib/server/incidents/record-reply";
import { renderMessage } from "@/lib/messaging/templates";
import { gatherSchema, messageIdParamSchema, statusCallbackSchema, voiceWebhookSchema } from "@/lib/validation/twilio-webhooks";
import type { WebhookInput } from "./webhooks";

type SayAttributes = Parameters<InstanceType<typeof twilio.twiml.VoiceResponse>["say"]>[0];

const voices: Record<AppLocale, SayAttributes> = {
  es: { language: "es-MX", voice: "Polly.Mia" },
  en: { language: "en-US", voice: "Polly.Joanna" },
};

async function findMessage(messageId: string | null, sid: string) {
  const id = messageIdParamSchema.safeParse(messageId ?? undefined);
  if (id.success && id.data) {
    const byId = await db.outboundMessage.findUnique({ where: { id: id.data } });
    if (byId) return byId;
  }
  return db.outboundMessage.findUnique({ where: { providerSid: sid } });
}

function twiml(response: InstanceType<typeof twilio.twiml.VoiceResponse>) {
  return new Response(response.toString(), { headers: { "Content-Type": "text/xml" } });
}

/** Message and call status callbacks: stored once per (sid, status), applied only forward. */
export async function handleStatusCallback({ params, messageId }: WebhookInput): Promise<Response | void> {
  const parsed = statusCallbackSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const event = parsed.data;
  const [sid, status] = "MessageSid" in event ? [event.MessageSid, event.MessageStatus] : [event.CallSid, event.CallStatus];
  const stored = await db.inboundWebhook.createMany({
    data: [{ providerKey: `${sid}:${status}`, kind: "status", params, processedAt: new Date() }],
    skipDuplicates: true,
  });
  if (stored.count === 0) return;

  const message = await findMessage(messageId, sid);
  if (!message) return;
  // After a timeout we marked it failed without knowing; the provider's word wins.
  const unconfirmed = message.status === "failed" && message.errorCode === "timeout";
  if (!unconfirmed && !movesForward(message.status, status)) return;
  const updated = await db.outboundMessage.updateMany({
    where: { id: message.id, status: message.status },
    data: {
      status,
      providerSid: message.providerSid ?? sid,
      errorCode: event.ErrorCode ?? (unconfirmed ? null : message.errorCode),
      ...("AnsweredBy" in event && event.AnsweredBy ? { answeredBy: event.AnsweredBy } : {}),
    },
  });
  // An incident's screen shows deliveries as they happen; a failed text to the person is
  // followed by the call at once, without waiting for its timer.
  const checkIn = updated.count ? await db.checkIn.findUnique({ where: { messageId: message.id }, select: { incidentId: true, phone: true, wave: true } }) : null;
  if (checkIn?.incidentId) {
    await appendIncidentEvent({ incidentId: checkIn.incidentId, type: "delivery", data: { phone: checkIn.phone, status } });
    if (checkIn.wave === 0 && failedStatuses.has(status)) await runIncidentStep({ incidentId: checkIn.incidentId, step: "call" });
  }
}

/** The TwiML of a check-in call: speak the message in the person's language, gather one key. */
export async function handleVoice({ params, messageId }: WebhookInput): Promise<Response> {
  const parsed = voiceWebhookSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const message = await findMessage(messageId, parsed.data.CallSid);
  const response = new twilio.twiml.VoiceResponse();
  if (!message) {
    response.hangup();
    return twiml(response);
  }
  if (parsed.data.AnsweredBy) await db.outboundMessage.update({ where: { id: message.id }, data: { answeredBy: parsed.data.AnsweredBy } });
  // A voicemail or a fax is not an answer: hang up without leaving anything behind.
  if (parsed.data.AnsweredBy && /^(machine|fax)/.test(parsed.data.AnsweredBy)) {
    response.hangup();
    return twiml(response);
  }
  const locale = message.locale;
  const gather = response.gather({ numDigits: 1, timeout: 8, method: "POST", action: `/api/twilio/voice/gather?m=${message.id}` });
  gather.say(voices[locale], message.body);
  response.say(voices[locale], renderMessage(locale, "callNoInput"));
  response.hangup();
  return twiml(response);
}

/** The keypress of a check-in call, stored once per call and recorded as the check-in's answer. */
export async function handleGather({ params, messageId }: WebhookInput): Promise<Response> {
  const parsed = gatherSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { CallSid, Digits } = parsed.data;
  const message = await findMessage(messageId, CallSid);
  const stored = await db.inboundWebhook.createMany({
    data: [{ providerKey: `${CallSid}:gather`, kind: "gather", fromNumber: message?.to, body: Digits, params, familyId: message?.familyId }],
    skipDuplicates: true,
  });
  if (stored.count > 0 && message && Digits) {
    const checkIn = await db.checkIn.findUnique({ where: { messageId: message.id } });
    if (checkIn?.kind === "incident") await recordIncidentReply({ checkIn, text: Digits, word: null, via: "keypad" });
    else await db.checkIn.updateMany({ where: { messageId: message.id, repliedAt: null }, data: { reply: `keypad:${Digits}`, repliedAt: new Date() } });
    await db.inboundWebhook.update({ where: { providerKey: `${CallSid}:gather` }, data: { processedAt: new Date() } });
  }
  const response = new twilio.twiml.VoiceResponse();
  response.say(voices[message?.locale ?? "es"], renderMessage(message?.locale ?? "es", "callThanks"));
  response.hangup();
  return twiml(response);
}
