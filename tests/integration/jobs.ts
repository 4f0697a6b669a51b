// Runs the outbox and every due timer in this process, as the worker would, until none is left.
import { Logger, runOnce } from "graphile-worker";
import { env } from "@/lib/env";
import { taskList } from "@/lib/server/incidents/worker";
import { workerUtils } from "@/lib/server/jobs/job-queue";

const quiet = new Logger(() => () => {});

export async function drainJobs() {
  await runOnce({ connectionString: env.DATABASE_URL, taskList, logger: quiet, noHandleSignals: true });
}

/** Makes an incident's pending timer due now (as if its delay had passed), with graphile-worker's own function. */
export async function makeStepDue(incidentId: string, step: string) {
  const utils = await workerUtils();
  await utils.withPgClient((client) =>
    client.query("SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE key = $1), run_at := now())", [
      `incident:${incidentId}:${step}`,
    ]),
  );
}

/** The keys of an incident's pending timers, in the order they will fire. */
export async function pendingSteps(incidentId: string): Promise<string[]> {
  const utils = await workerUtils();
  const { rows } = await utils.withPgClient((client) =>
    client.query<{ key: string }>("SELECT key FROM graphile_worker.jobs WHERE key LIKE $1 ORDER BY run_at", [`incident:${incidentId}:%`]),
  );
  return rows.map((row) => row.key.split(":").at(-1)!);
}
