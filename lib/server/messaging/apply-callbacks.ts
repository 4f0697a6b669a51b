import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { failedStatuses, movesForward } from "@/lib/messaging/status";
import { applyIncidentReply } from "@/lib/server/incidents/apply-reply";
import { appendIncidentEvent } from "@/lib/server/incidents/events";
import { scheduleSteps } from "@/lib/server/incidents/schedule";
import { gatherSchema, messageIdParamSchema, statusCallbackSchema } from "@/lib/validation/twilio-webhooks";

type Transaction = Prisma.TransactionClient;

export async function findMessage(client: Pick<Transaction, "outboundMessage">, messageId: string | null, sid: string) {
  const id = messageIdParamSchema.safeParse(messageId ?? undefined);
  if (id.success && id.data) {
    const byId = await client.outboundMessage.findUnique({ where: { id: id.data } });
    if (byId) return byId;
  }
  return client.outboundMessage.findUnique({ where: { providerSid: sid } });
}

/** A message or call status, applied only forward; an incident's screen shows it. */
export async function applyStatusCallback(tx: Transaction, options: { params: Record<string, string>; messageId: string | null }) {
  const parsed = statusCallbackSchema.safeParse(options.params);
  if (!parsed.success) return;
  const event = parsed.data;
  const [sid, status] = "MessageSid" in event ? [event.MessageSid, event.MessageStatus] : [event.CallSid, event.CallStatus];
  const message = await findMessage(tx, options.messageId, sid);
  if (!message) return;
  // After a timeout we marked it failed without knowing; the provider's word wins.
  const unconfirmed = message.status === "failed" && message.errorCode === "timeout";
  if (!unconfirmed && !movesForward(message.status, status)) return;
  await tx.outboundMessage.update({
    where: { id: message.id },
    data: {
      status,
      providerSid: message.providerSid ?? sid,
      errorCode: event.ErrorCode ?? (unconfirmed ? null : message.errorCode),
      ...("AnsweredBy" in event && event.AnsweredBy ? { answeredBy: event.AnsweredBy } : {}),
    },
  });
  await onCheckInDelivery(tx, { messageId: message.id, status });
}

/**
 * What a delivery means to an incident: shown on its timeline, and a text to the person that
 * failed is followed by the call at once, without waiting for its timer.
 */
export async function onCheckInDelivery(tx: Transaction, options: { messageId: string; status: string }) {
  const checkIn = await tx.checkIn.findUnique({
    where: { messageId: options.messageId },
    select: { incidentId: true, phone: true, wave: true, incident: { select: { status: true } } },
  });
  if (!checkIn?.incidentId) return;
  await appendIncidentEvent({
    client: tx,
    incidentId: checkIn.incidentId,
    type: "delivery",
    data: { phone: checkIn.phone, status: options.status },
  });
  if (checkIn.wave === 0 && failedStatuses.has(options.status) && checkIn.incident?.status === "open") {
    await scheduleSteps(tx, { incidentId: checkIn.incidentId, steps: [{ step: "call", runAt: new Date() }] });
  }
}

/** The keypress of a check-in call, recorded as its check-in's answer. */
export async function applyKeypad(tx: Transaction, options: { params: Record<string, string>; messageId: string | null }) {
  const parsed = gatherSchema.safeParse(options.params);
  if (!parsed.success || !parsed.data.Digits) return;
  const message = await findMessage(tx, options.messageId, parsed.data.CallSid);
  if (!message) return;
  const checkIn = await tx.checkIn.findUnique({ where: { messageId: message.id } });
  if (!checkIn) return;
  if (checkIn.kind === "incident" && checkIn.incidentId) {
    await applyIncidentReply(tx, {
      checkIn: { id: checkIn.id, incidentId: checkIn.incidentId, personId: checkIn.personId, contactId: checkIn.contactId },
      input: { via: "keypad", digit: parsed.data.Digits },
    });
  } else {
    await tx.checkIn.updateMany({
      where: { id: checkIn.id, repliedAt: null },
      data: { reply: `keypad:${parsed.data.Digits}`, repliedAt: new Date() },
    });
  }
}
