import "server-only";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import { env } from "@/lib/env";

let utils: Promise<WorkerUtils> | undefined;

/** graphile-worker's utilities, its schema installed once per process before the first job. */
export function workerUtils(): Promise<WorkerUtils> {
  utils ??= makeWorkerUtils({ connectionString: env.DATABASE_URL }).then(async (created) => {
    await created.migrate();
    return created;
  }).catch((error: unknown) => {
    utils = undefined;
    throw error;
  });
  return utils;
}
