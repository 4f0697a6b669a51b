import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * A plain `pg` pool for the webhook intake only. Prisma costs about a millisecond of CPU per
 * query on the event loop; the intake must take 500 SMS/s on two cores, so its two queries go
 * straight to PostgreSQL (bench/run.ts measures it against a bare baseline). Everything else
 * uses the Prisma client in lib/db.ts.
 */
const globalForPool = globalThis as unknown as { intakePool?: pg.Pool };

function createPool() {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  // An idle connection dropped by a database restart must not take the process down with it:
  // the pool discards it and opens a new one on the next query.
  pool.on("error", (error) => console.warn(`intake pool: ${error.message}`));
  return pool;
}

export const intakePool = globalForPool.intakePool ?? createPool();
if (env.NODE_ENV !== "production") globalForPool.intakePool = intakePool;
