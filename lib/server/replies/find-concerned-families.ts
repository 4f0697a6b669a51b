import "server-only";
import type pg from "pg";
import { CHECK_IN_REPLY_WINDOW_MS, SENT_AT_SLACK_MS } from "./receive-reply";
import type { FamilyWords } from "./read-reply";

type Queryable = Pick<pg.Pool, "query">;

/** `asked`: the family has a question out to this number (otherwise the number is only in its plan). */
export type ConcernedFamily = { familyId: string; asked: boolean; words: FamilyWords | null };

// A named statement: each pooled connection parses and plans it once.
const concernedFamilies = `
  WITH concerned AS (
    SELECT c."familyId", true AS asked FROM check_in c LEFT JOIN outbound_message m ON m.id = c."messageId"
    WHERE c.phone = $1 AND c."createdAt" > $2
      AND ($3::timestamptz IS NULL OR c."createdAt" < $3::timestamptz)
      AND (c.kind = 'incident' OR (c.kind = 'test' AND c."repliedAt" IS NULL))
      AND (NOT $4::boolean OR c."messageId" IS NULL OR m."fromNumber" IS NULL OR m."fromNumber" = $5)
    UNION ALL SELECT "familyId", false FROM person WHERE phone = $1
    UNION ALL SELECT "familyId", false FROM contact WHERE phone = $1
  ), families AS (SELECT "familyId", bool_or(asked) AS asked FROM concerned GROUP BY "familyId")
  SELECT families."familyId"::text AS "familyId", families.asked, w."familyId" IS NOT NULL AS "hasWords",
         w."safeWordHash", w."duressWordHash", w."safeWordTag", w."duressWordTag"
  FROM families LEFT JOIN secret_words w ON w."familyId" = families."familyId"`;

/**
 * Every family a text from this number may concern, with its words, in one query: each family
 * that asked it (the same questions `findAskingCheckIns` finds, narrowed to the conversation
 * when the app sends from a pool) and each that holds it in its plan. The intake reads the text
 * against all of them before storing it, so a word of any of them is never stored in clear.
 * Plain `pg` (lib/pg-pool.ts): it is on the intake's hot path.
 */
export async function findConcernedFamilies(
  client: Queryable,
  phone: string,
  options: { to?: string; pool?: readonly string[]; sentAt?: Date } = {},
): Promise<ConcernedFamily[]> {
  const since = new Date((options.sentAt ?? new Date()).getTime() - CHECK_IN_REPLY_WINDOW_MS);
  const until = options.sentAt ? new Date(options.sentAt.getTime() + SENT_AT_SLACK_MS) : null;
  const byConversation = Boolean(options.to && options.pool?.includes(options.to));
  const { rows } = await client.query<Omit<FamilyWords, "familyId"> & { familyId: string; asked: boolean; hasWords: boolean }>({
    name: "concerned-families",
    text: concernedFamilies,
    values: [phone, since, until, byConversation, options.to ?? null],
  });
  return rows.map(({ familyId, asked, hasWords, safeWordHash, duressWordHash, safeWordTag, duressWordTag }) => ({
    familyId,
    asked,
    words: hasWords ? { familyId, safeWordHash, duressWordHash, safeWordTag, duressWordTag } : null,
  }));
}
