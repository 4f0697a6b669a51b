import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { renderMessage, renderSms, type SmsTemplate, type VoiceTemplate } from "@/lib/messaging/templates";
import { queueMessage } from "@/lib/server/messaging/send-message";

type Transaction = Prisma.TransactionClient;
type Recipient = { phone: string; locale: Locale; channel: Channel };

/**
 * Queues one message in the recipient's language by a channel that reaches them: a text, or for
 * someone reached by phone (a landline, a school office) a call that speaks it. Drill messages
 * and calls say so first.
 */
export async function queueNotice(
  tx: Transaction,
  options: {
    familyId: string;
    recipient: Recipient;
    purpose: string;
    sms: SmsTemplate;
    voice: VoiceTemplate;
    values?: Record<string, string>;
    drill: boolean;
  },
) {
  const { recipient } = options;
  const body =
    recipient.channel === "voice"
      ? renderVoice(recipient.locale, options.voice, options.values, options.drill)
      : renderSms(recipient.locale, options.sms, options.values, { drill: options.drill }).body;
  return queueMessage(tx, {
    familyId: options.familyId,
    channel: recipient.channel,
    to: recipient.phone,
    locale: recipient.locale,
    purpose: options.purpose,
    body,
  });
}

/** A spoken message, announced as a drill in a drill. */
export function renderVoice(locale: Locale, template: VoiceTemplate, values: Record<string, string> = {}, drill = false): string {
  return (drill ? renderMessage(locale, "drillCallPrefix") : "") + renderMessage(locale, template, values);
}

/** Every adult of the family with a saved number, in their own language. */
export async function familyAdults(tx: Transaction, familyId: string): Promise<Recipient[]> {
  const memberships = await tx.membership.findMany({
    where: { familyId, phone: { not: null } },
    select: { phone: true, user: { select: { locale: true } }, family: { select: { locale: true } } },
  });
  return memberships.map((membership) => ({
    phone: membership.phone!,
    locale: membership.user.locale ?? membership.family.locale,
    channel: "sms" as const,
  }));
}
