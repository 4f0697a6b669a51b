import { z } from "zod";

export const simulatedReplySchema = z.object({
  familyId: z.uuid({ error: "simulator.noConversation" }),
  from: z.string({ error: "phone.invalid" }).regex(/^\+[1-9]\d{6,14}$/, "phone.invalid"),
  body: z.string({ error: "simulator.emptyReply" }).trim().min(1, "simulator.emptyReply").max(1600, "simulator.replyTooLong"),
});

export const keypressSchema = z.object({
  messageId: z.uuid({ error: "simulator.noConversation" }),
  digit: z.string({ error: "simulator.badKey" }).regex(/^[0-9*#]$/, "simulator.badKey"),
});
