import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export { workerUtils } from "@/lib/server/jobs/job-queue";

export const INCIDENT_STEP_TASK = "incident_step";
/** The automatic steps of an incident: the call to the person, then the contact tree's tiers. */
export const escalationSteps = ["call", "tier1", "tier2", "tier3"] as const;
export type EscalationStep = (typeof escalationSteps)[number];

export const stepWave: Record<EscalationStep, number> = { call: 1, tier1: 2, tier2: 3, tier3: 4 };

type Transaction = Prisma.TransactionClient;
const jobKey = (incidentId: string, step: EscalationStep) => `incident:${incidentId}:${step}`;

type Delays = { callDelaySeconds: number; tier1DelaySeconds: number; tier2DelaySeconds: number; tier3DelaySeconds: number };

export function stepDelaySeconds(delays: Delays, step: EscalationStep): number {
  return {
    call: delays.callDelaySeconds,
    tier1: delays.tier1DelaySeconds,
    tier2: delays.tier2DelaySeconds,
    tier3: delays.tier3DelaySeconds,
  }[step];
}

/**
 * Schedules steps in PostgreSQL (graphile-worker) inside the caller's transaction, keyed per
 * incident and step: scheduling twice replaces rather than duplicates, and the timers exist
 * exactly when the incident does.
 */
export async function scheduleSteps(tx: Transaction, options: { incidentId: string; steps: { step: EscalationStep; runAt: Date }[] }) {
  for (const { step, runAt } of options.steps) {
    await tx.$executeRaw`SELECT graphile_worker.add_job(${INCIDENT_STEP_TASK}, json_build_object('incidentId', ${options.incidentId}::text, 'step', ${step}::text), run_at => ${runAt}::timestamptz, max_attempts => 5, job_key => ${jobKey(options.incidentId, step)})`;
  }
}

/** Cancels every pending step of an incident (closed or paused), in the caller's transaction. */
export async function cancelSteps(tx: Transaction, incidentId: string) {
  for (const step of escalationSteps) await tx.$executeRaw`SELECT graphile_worker.remove_job(${jobKey(incidentId, step)})`;
}
