import "server-only";
import { Logger, run, type Runner } from "graphile-worker";
import { z } from "zod";
import { env } from "@/lib/env";
import { runIncidentStep } from "./run-step";
import { escalationSteps, INCIDENT_STEP_TASK, workerUtils } from "./schedule";

const payloadSchema = z.object({ incidentId: z.uuid(), step: z.enum(escalationSteps) });

export const taskList = {
  [INCIDENT_STEP_TASK]: async (payload: unknown) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) return; // a malformed job is dropped, not retried forever
    await runIncidentStep(parsed.data);
  },
};

// Only problems are worth a line; the queue's routine chatter is not.
const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`worker: ${message}`);
  else if (level === "warning") console.warn(`worker: ${message}`);
});

/** Runs the escalation timers in this process; every app instance may run one. */
export async function startIncidentWorker(options: { pollInterval?: number } = {}): Promise<Runner> {
  await workerUtils(); // installs graphile-worker's schema once
  return run({
    connectionString: env.DATABASE_URL,
    concurrency: 4,
    pollInterval: options.pollInterval ?? 500,
    noHandleSignals: true,
    logger,
    taskList,
  });
}

/**
 * Keeps a worker running: when its connection to PostgreSQL is lost for good (a database
 * restart), the runner stops; this starts a new one a second later, until stopped.
 */
export function superviseIncidentWorker(options: { pollInterval?: number } = {}) {
  let stopping = false;
  let current: Runner | undefined;
  const done = (async () => {
    while (!stopping) {
      try {
        current = await startIncidentWorker(options);
        await current.promise;
      } catch (error) {
        if (!stopping) console.warn(`worker: restarting after ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!stopping) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    async stop() {
      stopping = true;
      await current?.stop().catch(() => undefined);
      await done;
    },
  };
}
