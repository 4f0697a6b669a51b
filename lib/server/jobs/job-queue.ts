import "server-only";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { env } from "@/lib/env";

let utils: Promise<WorkerUtils> | undefined;

/** graphile-worker's utilities, its schema installed once per process before the first job. */
export function workerUtils(): Promise<WorkerUtils> {
  utils ??= (async () => {
    // Our own pool, so that an idle connection dropped by a database restart is discarded
    // rather than taking the process down (pg emits "error" on the pool).
    const pgPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, allowExitOnIdle: true });
    pgPool.on("error", (error) => console.warn(`job queue: ${error.message}`));
    const created = await makeWorkerUtils({ pgPool });
    await created.migrate();
    return created;
  })().catch((error: unknown) => {
    utils = undefined;
    throw error;
  });
  return utils;
}
