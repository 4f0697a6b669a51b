import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { requireUuid } from "@/lib/server/plan/scoped";
import { secretWordMatches } from "@/lib/server/secret-words/secret-words";
import { appendIncidentEvent } from "./events";
import { runIncidentStep } from "./run-step";
import { cancelSteps, escalationSteps, scheduleSteps, stepDelaySeconds, stepWave } from "./schedule";

type Scope = { familyId: string; userId: string; incidentId: string };

/** The incident, if it belongs to the caller's family: the authorization every use starts with. */
export async function requireIncident(options: Scope) {
  const { family } = await requireMembership(options);
  const id = requireUuid(options.incidentId, "incident.notFound");
  const incident = await db.incident.findFirst({ where: { id, familyId: family.id } });
  if (!incident) throw new AppError("not_found", "incident.notFound");
  return { incident, family };
}

async function requireOpen(options: Scope) {
  const found = await requireIncident(options);
  if (found.incident.status !== "open") throw new AppError("conflict", "incident.alreadyClosed");
  return found;
}

/** Everything the checklist screen and the report show. */
export async function getIncident(options: Scope) {
  const { incident, family } = await requireIncident(options);
  const [checkIns, events, claimedPerson] = await Promise.all([
    db.checkIn.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ wave: "asc" }, { createdAt: "asc" }],
      include: { person: { select: { name: true } }, contact: { select: { name: true } }, message: { select: { status: true, errorCode: true, channel: true, answeredBy: true } } },
    }),
    db.incidentEvent.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } }),
    incident.claimedPersonId ? db.person.findUnique({ where: { id: incident.claimedPersonId } }) : null,
  ]);
  return { incident, family, checkIns, events, claimedPerson, nextStep: nextStep(checkIns) };
}

/** The first escalation step that has not sent anything yet. */
function nextStep(checkIns: { wave: number | null }[]) {
  const doneWaves = new Set(checkIns.map((checkIn) => checkIn.wave));
  return escalationSteps.find((step) => !doneWaves.has(stepWave[step])) ?? null;
}

export async function listIncidents(options: { familyId: string; userId: string }) {
  const { family } = await requireMembership(options);
  return db.incident.findMany({ where: { familyId: family.id }, orderBy: { startedAt: "desc" }, take: 20, include: { claimedPerson: { select: { name: true } } } });
}

export async function updateIncidentNotes(options: Scope & { notes: { callerNumber: string; demands: string; paymentInstructions: string } }) {
  const { incident } = await requireIncident(options);
  await db.incident.update({ where: { id: incident.id }, data: options.notes });
  await appendIncidentEvent({ incidentId: incident.id, type: "notes_updated" });
}

/** Ticks a checklist step for every adult watching. */
export async function setChecklistStep(options: Scope & { step: string; checked: boolean }) {
  const { incident } = await requireIncident(options);
  const steps = new Set(incident.checkedSteps);
  if (options.checked) steps.add(options.step);
  else steps.delete(options.step);
  await db.incident.update({ where: { id: incident.id }, data: { checkedSteps: [...steps] } });
  await appendIncidentEvent({ incidentId: incident.id, type: "step_ticked", data: { step: options.step, checked: options.checked } });
}

export const callerWordLimit = { limit: 5, windowSeconds: 3600 };

/** What the caller said, against the hashes: only which word it matched, never the word. */
export async function checkCallerWord(options: Scope & { word: string }) {
  const { incident, family } = await requireIncident(options);
  const attempt = await consumeAttempt({ key: `caller-word:${incident.id}`, ...callerWordLimit });
  if (!attempt.allowed) throw new AppError("rate_limited", "word.tooManyChecks", { minutes: Math.ceil(attempt.retryAfterSeconds / 60) });
  const words = await db.secretWords.findUnique({ where: { familyId: family.id } });
  if (!words) throw new AppError("not_found", "word.notSet");
  const [safe, duress] = await Promise.all([secretWordMatches(words.safeWordHash, options.word), secretWordMatches(words.duressWordHash, options.word)]);
  const result = safe ? "safe" : duress ? "duress" : "none";
  if (safe) await db.secretWords.update({ where: { familyId: family.id }, data: { safeWordExposedAt: new Date() } });
  await appendIncidentEvent({ incidentId: incident.id, type: "caller_word_checked", data: { result } });
  return result;
}

export async function pauseIncident(options: Scope) {
  const { incident } = await requireOpen(options);
  await db.incident.update({ where: { id: incident.id }, data: { paused: true } });
  await cancelSteps(incident.id);
  await appendIncidentEvent({ incidentId: incident.id, type: "paused" });
}

/** Resumes the escalation: steps already due run at once, the others at their time. */
export async function resumeIncident(options: Scope) {
  const { incident, family } = await requireOpen(options);
  await db.incident.update({ where: { id: incident.id }, data: { paused: false } });
  const done = new Set((await db.checkIn.findMany({ where: { incidentId: incident.id }, select: { wave: true } })).map((row) => row.wave));
  const now = Date.now();
  await scheduleSteps({
    incidentId: incident.id,
    steps: escalationSteps
      .filter((step) => !done.has(stepWave[step]))
      .map((step) => ({ step, runAt: new Date(Math.max(now, incident.startedAt.getTime() + stepDelaySeconds(family, step) * 1000)) })),
  });
  await appendIncidentEvent({ incidentId: incident.id, type: "resumed" });
}

/** Sends the next step of the escalation now, without waiting for its timer. */
export async function sendNextWaveNow(options: Scope) {
  const { incident } = await requireOpen(options);
  const step = nextStep(await db.checkIn.findMany({ where: { incidentId: incident.id }, select: { wave: true } }));
  if (!step) throw new AppError("conflict", "incident.noMoreWaves");
  await runIncidentStep({ incidentId: incident.id, step, manual: true });
}
