import "server-only";
import { Logger, parseCronItems, run, type Runner, type TaskList } from "graphile-worker";
import { z } from "zod";
import { env } from "@/lib/env";
import { sweepInbound } from "@/lib/server/messaging/inbound";
import { FULL_LOOKBACK_MS, reconcileWithProvider } from "@/lib/server/messaging/reconcile";
import { deliverMessage, SEND_MESSAGE_TASK } from "@/lib/server/messaging/send-message";
import { sendTripWarning, TRIP_WARNING_TASK } from "@/lib/server/travel/trip-warning";
import { runIncidentStep } from "./run-step";
import { escalationSteps, INCIDENT_STEP_TASK, workerUtils } from "./schedule";

const stepPayload = z.object({ incidentId: z.uuid(), step: z.enum(escalationSteps) });
const messagePayload = z.object({ messageId: z.uuid() });
const tripPayload = z.object({ tripId: z.uuid() });
export const SWEEP_INBOUND_TASK = "sweep_inbound";
export const RECONCILE_TASK = "reconcile_provider";
const reconcilePayload = z.object({ full: z.boolean().optional() }).catch({});

// A malformed job is dropped, not retried forever.
export const taskList: TaskList = {
  [INCIDENT_STEP_TASK]: async (payload) => {
    const parsed = stepPayload.safeParse(payload);
    if (parsed.success) await runIncidentStep(parsed.data);
  },
  [SEND_MESSAGE_TASK]: async (payload, helpers) => {
    const parsed = messagePayload.safeParse(payload);
    if (!parsed.success) return;
    // A refusal (or the queue's last attempt) ends it failed, and its incident hears it (endFailed).
    await deliverMessage(parsed.data.messageId, { finalAttempt: helpers.job.attempts >= helpers.job.max_attempts });
  },
  [TRIP_WARNING_TASK]: async (payload) => {
    const parsed = tripPayload.safeParse(payload);
    if (parsed.success) await sendTripWarning(parsed.data);
  },
  [SWEEP_INBOUND_TASK]: async (_payload, helpers) => {
    // Jobs held by a worker that died (kill -9, a lost connection) would stay locked for four
    // hours: no job of ours runs this long, so their locks are released.
    await helpers.query(
      `SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT DISTINCT locked_by FROM graphile_worker._private_jobs WHERE locked_at < now() - interval '3 minutes' AND locked_by IS NOT NULL))`,
    );
    await sweepInbound();
  },
  [RECONCILE_TASK]: async (payload) => {
    const { full } = reconcilePayload.parse(payload ?? {});
    await reconcileWithProvider(full ? { lookbackMs: FULL_LOOKBACK_MS } : {});
  },
};

/** Every minute: webhooks stored but never acted on, and the provider's record. */
const crontab = parseCronItems([
  { task: SWEEP_INBOUND_TASK, match: "* * * * *", options: { backfillPeriod: 0 } },
  { task: RECONCILE_TASK, match: "* * * * *", options: { backfillPeriod: 0 } },
]);

// Only problems are worth a line; the queue's routine chatter is not.
const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`worker: ${message}`);
  else if (level === "warning") console.warn(`worker: ${message}`);
});

/** Runs the escalation timers in this process; every app instance may run one. */
export async function startIncidentWorker(options: { pollInterval?: number } = {}): Promise<Runner> {
  const utils = await workerUtils(); // installs graphile-worker's schema once
  // A (re)start may follow an outage: whatever the provider received meanwhile is looked for.
  await utils.addJob(RECONCILE_TASK, { full: true }, { jobKey: "reconcile:after-start" });
  return run({
    connectionString: env.DATABASE_URL,
    // Sends wait on the provider's network, not on this CPU: a 50-contact wave goes out at once.
    concurrency: 24,
    pollInterval: options.pollInterval ?? 500,
    noHandleSignals: true,
    logger,
    taskList,
    parsedCronItems: crontab,
  });
}

/**
 * Whether an error means the connection to PostgreSQL was lost or refused (a restart, a network
 * cut), as opposed to a fault in the code: node's socket errors, pg's "Connection terminated",
 * and PostgreSQL's connection-exception (08…) and shutdown (57P0…) codes.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === "string" &&
    (/^(08|57P0)/.test(code) ||
      ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "P1001", "P1017"].includes(code))
  )
    return true;
  return (
    typeof message === "string" &&
    /Connection terminated|connection error|terminating connection|server closed the connection|timeout exceeded when trying to connect|Can't reach database server|Client was closed|the database system is (starting up|shutting down)/i.test(
      message,
    )
  );
}

/**
 * Keeps a worker running: when its connection to PostgreSQL is lost (a database restart), the
 * runner stops or is stopped (`restart`); this starts a new one a second later, until stopped.
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
      current = undefined;
      if (!stopping) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    /** Stops the current runner (its connections may be broken); the loop starts a fresh one. */
    restart() {
      const runner = current;
      current = undefined;
      void runner?.stop().catch(() => undefined);
    },
    async stop() {
      stopping = true;
      await current?.stop().catch(() => undefined);
      await done;
    },
  };
}

/**
 * For a process whose job is the worker (scripts/worker.ts): graphile-worker's cron leaves a
 * rejected promise unhandled when its connection is cut ("Connection terminated unexpectedly"),
 * which would end the process. A lost connection restarts the runner, with one line; anything
 * else is a fault in the code: one line, and the process exits (its launcher starts it again).
 */
export function keepWorkerAlive(worker: { restart(): void }, exit: (code: number) => void = (code) => process.exit(code)) {
  const onError = (kind: string) => (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    if (isConnectionLoss(error)) {
      console.warn(`worker: database connection lost (${text}); restarting the runner`);
      worker.restart();
      return;
    }
    console.error(
      `worker: ${kind}: ${error instanceof Error && error.stack ? error.stack.split("\n").slice(0, 2).join(" ") : text}; exiting`,
    );
    exit(1);
  };
  process.on("unhandledRejection", onError("unhandled rejection"));
  process.on("uncaughtException", onError("uncaught exception"));
}
