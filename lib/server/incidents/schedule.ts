import "server-only";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import { env } from "@/lib/env";

export const INCIDENT_STEP_TASK = "incident_step";
/** The automatic steps of an incident: the call to the person, then the contact tree's tiers. */
export const escalationSteps = ["call", "tier1", "tier2", "tier3"] as const;
export type EscalationStep = (typeof escalationSteps)[number];

export const stepWave: Record<EscalationStep, number> = { call: 1, tier1: 2, tier2: 3, tier3: 4 };

let utils: Promise<WorkerUtils> | undefined;

export function workerUtils(): Promise<WorkerUtils> {
  utils ??= makeWorkerUtils({ connectionString: env.DATABASE_URL }).then(async (created) => {
    await created.migrate();
    return created;
  });
  return utils;
}

const jobKey = (incidentId: string, step: EscalationStep) => `incident:${incidentId}:${step}`;

type Delays = { callDelaySeconds: number; tier1DelaySeconds: number; tier2DelaySeconds: number; tier3DelaySeconds: number };

export function stepDelaySeconds(delays: Delays, step: EscalationStep): number {
  return { call: delays.callDelaySeconds, tier1: delays.tier1DelaySeconds, tier2: delays.tier2DelaySeconds, tier3: delays.tier3DelaySeconds }[step];
}

/**
 * Schedules the steps still to come in PostgreSQL (graphile-worker), keyed per incident and
 * step so that scheduling twice replaces rather than duplicates, and a restart loses nothing.
 */
export async function scheduleSteps(options: { incidentId: string; steps: { step: EscalationStep; runAt: Date }[] }) {
  const worker = await workerUtils();
  for (const { step, runAt } of options.steps) {
    await worker.addJob(INCIDENT_STEP_TASK, { incidentId: options.incidentId, step }, { runAt, jobKey: jobKey(options.incidentId, step), maxAttempts: 5 });
  }
}

/** Cancels every pending step of an incident (resolved or paused). */
export async function cancelSteps(incidentId: string) {
  const worker = await workerUtils();
  await Promise.all(escalationSteps.map((step) => worker.withPgClient((client) => client.query("SELECT graphile_worker.remove_job($1)", [jobKey(incidentId, step)]))));
}
