import "server-only";
import twilio from "twilio";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";
import { renderMessage } from "@/lib/messaging/templates";
import { gatherSchema, statusCallbackSchema, voiceWebhookSchema } from "@/lib/validation/twilio-webhooks";
import { findMessage } from "./apply-callbacks";
import { CONNECTION_OVERRIDES } from "./provider";
import { acceptInbound, processInbound, storeInbound } from "./inbound";
import type { WebhookInput } from "./webhooks";

type SayAttributes = Parameters<InstanceType<typeof twilio.twiml.VoiceResponse>["say"]>[0];

const voices: Record<AppLocale, SayAttributes> = {
  es: { language: "es-MX", voice: "Polly.Mia" },
  en: { language: "en-US", voice: "Polly.Joanna" },
};

function twiml(response: InstanceType<typeof twilio.twiml.VoiceResponse>) {
  return new Response(response.toString(), { headers: { "Content-Type": "text/xml" } });
}

/** Message and call status callbacks: stored once per (sid, status), acted on once. */
export async function handleStatusCallback({ params, messageId }: WebhookInput): Promise<Response | void> {
  const parsed = statusCallbackSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const event = parsed.data;
  const [sid, status] = "MessageSid" in event ? [event.MessageSid, event.MessageStatus] : [event.CallSid, event.CallStatus];
  await acceptInbound({ providerKey: `${sid}:${status}`, kind: "status", params: { ...params, ...(messageId ? { _m: messageId } : {}) } });
}

/**
 * The TwiML of a call: speak the message in the recipient's language; a question (a check-in)
 * gathers one key, a notice (all-clear, stand-down) just ends.
 */
export async function handleVoice({ params, messageId }: WebhookInput): Promise<Response> {
  const parsed = voiceWebhookSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const message = await findMessage(db, messageId, parsed.data.CallSid);
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
  const asks = (await db.checkIn.count({ where: { messageId: message.id } })) > 0;
  if (asks) {
    const gather = response.gather({
      numDigits: 1,
      timeout: 8,
      method: "POST",
      action: `/api/twilio/voice/gather?m=${message.id}#${CONNECTION_OVERRIDES}`,
    });
    gather.say(voices[locale], message.body);
    response.say(voices[locale], renderMessage(locale, "callNoInput"));
  } else {
    response.say(voices[locale], message.body);
  }
  response.hangup();
  return twiml(response);
}

/**
 * The keypress of a check-in call, stored once per call and acted on once, before the call is
 * answered: the person on the line hears thanks only once it counted.
 */
export async function handleGather({ params, messageId }: WebhookInput): Promise<Response> {
  const parsed = gatherSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { CallSid, Digits } = parsed.data;
  const message = await findMessage(db, messageId, CallSid);
  const stored = await storeInbound({
    providerKey: `${CallSid}:gather`,
    kind: "gather",
    fromNumber: message?.to ?? null,
    body: Digits,
    params: { ...params, ...(messageId ? { _m: messageId } : {}) },
    familyId: message?.familyId ?? null,
  });
  if (!stored.processed) await processInbound(stored.id);
  const response = new twilio.twiml.VoiceResponse();
  response.say(voices[message?.locale ?? "es"], renderMessage(message?.locale ?? "es", "callThanks"));
  response.hangup();
  return twiml(response);
}
