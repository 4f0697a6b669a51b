import "server-only";
import { db } from "@/lib/db";
import { readReply } from "@/lib/server/replies/read-reply";
import { findAskingCheckIns, REDACTED } from "@/lib/server/replies/receive-reply";
import type { Reading } from "@/lib/server/incidents/apply-reply";
import { inboundSmsSchema } from "@/lib/validation/twilio-webhooks";
import { faultPoint } from "@/lib/server/fault-point";
import { processInbound, sentAtOf, storeInbound } from "./inbound";
import { getMessagingProvider } from "./provider";
import type { WebhookInput } from "./webhooks";

/**
 * An inbound SMS: read against the words of every family that asked this number (so a text
 * holding a word is redacted before anything is stored), stored once, then acted on and marked
 * processed together. The domain (lib/server/replies) decides what it means.
 */
export async function receiveInboundSms({ params }: WebhookInput): Promise<Response | void> {
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { MessageSid, From, To, Body } = parsed.data;

  // Every family that asked this number, or has it in its plan: a word of any of them is redacted.
  const [asking, people, contacts] = await Promise.all([
    findAskingCheckIns(db, From, { to: To, pool: getMessagingProvider().senderPool, sentAt: sentAtOf(params) }),
    db.person.findMany({ where: { phone: From }, select: { familyId: true } }),
    db.contact.findMany({ where: { phone: From }, select: { familyId: true } }),
  ]);
  const familyIds = [...new Set([...asking, ...people, ...contacts].map((row) => row.familyId))];
  const words = await db.secretWords.findMany({ where: { familyId: { in: familyIds } } });
  const readings: Record<string, Reading> = {};
  for (const familyId of familyIds) {
    const familyWords = words.find((row) => row.familyId === familyId) ?? null;
    readings[familyId] = await readReply({
      text: Body,
      words: familyWords,
      onTagLearned: async (which, tag) => {
        await db.secretWords.updateMany({ where: { familyId }, data: which === "safe" ? { safeWordTag: tag } : { duressWordTag: tag } });
      },
    });
  }
  const withWord = familyIds.filter((familyId) => readings[familyId]!.word !== null);
  const body = withWord.length ? REDACTED : Body;
  const stored = await storeInbound({
    providerKey: MessageSid,
    kind: "sms",
    fromNumber: From,
    toNumber: To,
    body,
    params: { ...params, Body: body },
    // The family the text belongs to when it is one family's alone (erasure follows it).
    familyId: withWord.length === 1 ? withWord[0] : familyIds.length === 1 ? familyIds[0] : null,
    readings,
  });
  faultPoint("inbound-stored");
  if (!stored.processed) await processInbound(stored.id);
}
