import "server-only";
import { db } from "@/lib/db";
import type { ProviderRecord, RecordedMessage } from "./provider";

/** How far before a message's creation its text may appear in the provider's record (clock skew). */
const RECORD_SKEW_MS = 60_000;

/**
 * The provider's record of one of our messages, if it has it: the entry that names the message
 * (the simulator's record knows our id), else a text to the same number with the same body, sent
 * from around the message's creation on, whose provider id no other message of ours holds —
 * the earliest such. Twilio's record does not expose the status callback URL that carries our id.
 */
export async function findSentInRecord(
  record: ProviderRecord,
  message: { id: string; to: string; body: string; createdAt: Date; fromNumber: string | null },
): Promise<RecordedMessage | undefined> {
  const since = new Date(message.createdAt.getTime() - RECORD_SKEW_MS);
  const sent = await record.listSent({ to: message.to, since });
  const named = sent.find((candidate) => candidate.messageId === message.id);
  if (named) return named;
  const candidates = sent.filter(
    (candidate) =>
      candidate.messageId === undefined &&
      candidate.body === message.body &&
      (!message.fromNumber || !candidate.from || candidate.from === message.fromNumber) &&
      (!candidate.sentAt || candidate.sentAt >= since),
  );
  if (candidates.length === 0) return undefined;
  const held = new Set(
    (
      await db.outboundMessage.findMany({
        where: { providerSid: { in: candidates.map((candidate) => candidate.sid) }, NOT: { id: message.id } },
        select: { providerSid: true },
      })
    ).map((row) => row.providerSid),
  );
  return candidates
    .filter((candidate) => !held.has(candidate.sid))
    .sort((a, b) => (a.sentAt?.getTime() ?? 0) - (b.sentAt?.getTime() ?? 0))[0];
}
