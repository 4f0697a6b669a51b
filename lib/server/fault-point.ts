import "server-only";
import { env } from "@/lib/env";

/** The points where the fault suite kills a real process, between two writes that must not be split. */
export const faultPoints = ["inbound-stored", "inbound-acted", "incident-committed", "send-requested"] as const;
export type FaultPoint = (typeof faultPoints)[number];

/**
 * Kills this process with SIGKILL at `point` when CONFIRMA_KILL_AT names it, exactly as a crash
 * or `kill -9` there would (tests/integration/process-kill.integration.test.ts). Nothing otherwise.
 */
export function faultPoint(point: FaultPoint) {
  if (env.CONFIRMA_KILL_AT === point) process.kill(process.pid, "SIGKILL");
}
