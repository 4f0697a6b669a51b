import "server-only";
import { db } from "@/lib/db";
import { intakePool } from "@/lib/pg-pool";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { readReply } from "@/lib/server/replies/read-reply";
import { findConcernedFamilies } from "@/lib/server/replies/find-concerned-families";
import { REDACTED } from "@/lib/server/replies/receive-reply";
import type { Reading } from "@/lib/server/incidents/apply-reply";
import { inboundSmsSchema } from "@/lib/validation/twilio-webhooks";
import { acceptInbound, sentAtOf } from "./inbound";
import { getMessagingProvider } from "./provider";
import type { WebhookInput } from "./webhooks";

/**
 * An inbound SMS: read against the words of every family it may concern (so a text holding a
 * word is redacted before anything is stored), stored once and handed over to be acted on
 * (lib/server/messaging/inbound.ts). The domain (lib/server/replies) decides what it means.
 */
export async function receiveInboundSms({ params }: WebhookInput): Promise<Response | void> {
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { MessageSid, From, To, Body } = parsed.data;

  const concerned = await findConcernedFamilies(intakePool, From, {
    to: To,
    pool: getMessagingProvider().senderPool,
    sentAt: sentAtOf(params),
  });
  const readings: Record<string, Reading> = {};
  for (const { familyId, words } of concerned) {
    readings[familyId] = await readReply({
      text: Body,
      words,
      onTagLearned: async (which, tag) => {
        await db.secretWords.updateMany({ where: { familyId }, data: which === "safe" ? { safeWordTag: tag } : { duressWordTag: tag } });
      },
    });
  }
  const familyIds = Object.keys(readings);
  const withWord = familyIds.filter((familyId) => readings[familyId]!.word !== null);
  const body = withWord.length ? REDACTED : Body;
  // A number in some plan that no family has a question out to, sending no carrier keyword
  // (STOP, HELP…): acting on it would change nothing, so it is stored as acted on.
  const nothingToDo =
    concerned.length > 0 && !concerned.some((family) => family.asked) && (withWord.length > 0 || carrierKeyword(Body) === null);
  await acceptInbound({
    providerKey: MessageSid,
    kind: "sms",
    fromNumber: From,
    toNumber: To,
    body,
    params: { ...params, Body: body },
    // The family the text belongs to when it is one family's alone (erasure follows it).
    familyId: withWord.length === 1 ? withWord[0] : familyIds.length === 1 ? familyIds[0] : null,
    readings,
    nothingToDo,
  });
}
