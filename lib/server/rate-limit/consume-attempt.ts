import "server-only";
import { db } from "@/lib/db";

export type AttemptResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, atomically in PostgreSQL, so that
 * every app instance shares the limit. Returns whether this attempt is within `limit`.
 */
export async function consumeAttempt(options: { key: string; limit: number; windowSeconds: number }): Promise<AttemptResult> {
  return consumeAttemptIn(db, options);
}

/** The same, inside the caller's transaction. */
export async function consumeAttemptIn(
  client: Pick<typeof db, "$queryRaw">,
  options: { key: string; limit: number; windowSeconds: number },
): Promise<AttemptResult> {
  const { key, limit, windowSeconds } = options;
  const rows = await client.$queryRaw<{ count: number; window_started_at: Date }[]>`
    INSERT INTO attempt_counter AS c ("key", "count", "windowStartedAt")
    VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN c."windowStartedAt" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE c."count" + 1 END,
      "windowStartedAt" = CASE WHEN c."windowStartedAt" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE c."windowStartedAt" END
    RETURNING "count" AS count, "windowStartedAt" AS window_started_at`;
  const row = rows[0]!;
  const elapsedSeconds = Math.max(0, (Date.now() - row.window_started_at.getTime()) / 1000);
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsedSeconds)),
  };
}

/** Forgets the attempts against `key` (after a success). */
export async function resetAttempts(options: { key: string }): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key: options.key } });
}
