import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHECK_IN_REPLY_WINDOW_MS, SENT_AT_SLACK_MS } from "./receive-reply";
import type { FamilyWords } from "./read-reply";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

export type ConcernedFamily = { familyId: string; words: FamilyWords | null };

/**
 * Every family a text from this number may concern, with its words, in one query: each family
 * that asked it (the same questions `findAskingCheckIns` finds, narrowed to the conversation
 * when the app sends from a pool) and each that holds it in its plan. The intake reads the text
 * against all of them before storing it, so a word of any of them is never stored in clear.
 */
export async function findConcernedFamilies(client: Client, phone: string, options: { to?: string; pool?: readonly string[]; sentAt?: Date } = {}): Promise<ConcernedFamily[]> {
  const since = new Date((options.sentAt ?? new Date()).getTime() - CHECK_IN_REPLY_WINDOW_MS);
  const until = options.sentAt ? new Date(options.sentAt.getTime() + SENT_AT_SLACK_MS) : null;
  const byConversation = Boolean(options.to && options.pool?.includes(options.to));
  const rows = await client.$queryRaw<(Omit<FamilyWords, "familyId"> & { familyId: string; hasWords: boolean })[]>`
    WITH concerned AS (
      SELECT c."familyId" FROM check_in c LEFT JOIN outbound_message m ON m.id = c."messageId"
      WHERE c.phone = ${phone} AND c."createdAt" > ${since}
        AND (${until}::timestamptz IS NULL OR c."createdAt" < ${until}::timestamptz)
        AND (c.kind = 'incident' OR (c.kind = 'test' AND c."repliedAt" IS NULL))
        AND (NOT ${byConversation} OR c."messageId" IS NULL OR m."fromNumber" IS NULL OR m."fromNumber" = ${options.to ?? null})
      UNION SELECT "familyId" FROM person WHERE phone = ${phone}
      UNION SELECT "familyId" FROM contact WHERE phone = ${phone}
    )
    SELECT concerned."familyId"::text AS "familyId", w."familyId" IS NOT NULL AS "hasWords",
           w."safeWordHash", w."duressWordHash", w."safeWordTag", w."duressWordTag"
    FROM concerned LEFT JOIN secret_words w ON w."familyId" = concerned."familyId"`;
  return rows.map(({ familyId, hasWords, safeWordHash, duressWordHash, safeWordTag, duressWordTag }) => ({
    familyId,
    words: hasWords ? { familyId, safeWordHash, duressWordHash, safeWordTag, duressWordTag } : null,
  }));
}
