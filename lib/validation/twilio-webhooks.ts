// What the provider's webhooks must carry. Anything else is refused with 400, never a 500.
import { z } from "zod";

const sid = (prefixes: string) => z.string().regex(new RegExp(`^(${prefixes})[0-9a-fA-F]{32}$`));
const phone = z.string().min(1).max(40);

export const inboundSmsSchema = z.object({
  MessageSid: sid("SM|MM"),
  From: phone,
  To: phone,
  // Twilio's 1600 is characters; an emoji is two UTF-16 units.
  Body: z.string().max(3200).default(""),
});

export const statusCallbackSchema = z.union([
  z.object({ MessageSid: sid("SM|MM"), MessageStatus: z.string().min(1).max(32), ErrorCode: z.string().max(16).optional() }),
  z.object({
    CallSid: sid("CA"),
    CallStatus: z.string().min(1).max(32),
    AnsweredBy: z.string().max(32).optional(),
    ErrorCode: z.string().max(16).optional(),
  }),
]);

export const voiceWebhookSchema = z.object({ CallSid: sid("CA"), AnsweredBy: z.string().max(32).optional() });

export const gatherSchema = z.object({
  CallSid: sid("CA"),
  Digits: z
    .string()
    .regex(/^[0-9*#]{0,10}$/)
    .default(""),
});

/** Our message id, carried in every callback URL we give the provider. */
export const messageIdParamSchema = z.uuid().optional();
