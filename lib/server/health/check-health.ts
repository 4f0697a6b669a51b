import "server-only";
import { db, type Db } from "@/lib/db";

export type Health = { status: "ok"; database: "ok" } | { status: "error"; database: "unreachable"; reason: string };

/** Whether the app can serve: today that means PostgreSQL answers within `timeoutMs`. */
export async function checkHealth(options: { timeoutMs?: number; database?: Pick<Db, "$queryRaw"> } = {}): Promise<Health> {
  const timeoutMs = options.timeoutMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([(options.database ?? db).$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "ok" };
  } catch (error) {
    // The reason names the failure, never the connection string.
    const reason = error instanceof Error ? error.message.split("\n")[0]!.replace(/postgres(ql)?:\/\/\S+/g, "[database]") : "unknown error";
    return { status: "error", database: "unreachable", reason };
  } finally {
    clearTimeout(timer);
  }
}
