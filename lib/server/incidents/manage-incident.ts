import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { requireMembership } from "@/lib/server/family/require-membership";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { requireUuid } from "@/lib/server/plan/input-guards";
import { defaultSteps, onTheLineSteps } from "@/lib/guidance/call-guidance";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { secretWordMatches } from "@/lib/server/secret-words/secret-words";
import { appendIncidentEvent } from "./events";
import { readLiveUpdate } from "./live-view";
import { runIncidentStepIn } from "./run-step";
import { cancelSteps, escalationSteps, scheduleSteps, stepDelaySeconds } from "./schedule";
import { countWordGuesses, wordGuessBudget } from "./verification";

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
  const [checkIns, events, claimedPerson, people, startedBy] = await Promise.all([
    db.checkIn.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ wave: "asc" }, { createdAt: "asc" }],
      include: {
        person: { select: { name: true } },
        contact: { select: { name: true } },
        message: { select: { status: true, errorCode: true, channel: true, answeredBy: true } },
      },
    }),
    db.incidentEvent.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } }),
    incident.claimedPersonId ? db.person.findUnique({ where: { id: incident.claimedPersonId } }) : null,
    db.incidentPerson.findMany({
      where: { incidentId: incident.id },
      include: { person: { select: { name: true, position: true } } },
      orderBy: { person: { position: "asc" } },
    }),
    db.user.findUnique({ where: { id: incident.startedById }, select: { name: true } }),
  ]);
  const guesses = await Promise.all(
    people.map(
      async (entry) => [entry.personId, Math.max(0, wordGuessBudget.limit - (await countWordGuesses(db, entry.personId)))] as const,
    ),
  );
  const guessesLeft = new Map(guesses);
  return {
    incident,
    family,
    checkIns,
    events,
    claimedPerson,
    startedBy: startedBy?.name ?? "",
    people: people.map((entry) => ({
      personId: entry.personId,
      name: entry.person.name,
      state: entry.state,
      guessesLeft: guessesLeft.get(entry.personId) ?? 0,
    })),
    nextStep: escalationSteps.find((step) => !incident.stepsDone.includes(step)) ?? null,
  };
}

/**
 * What the live screen starts from: the incident (authorized once), who started it and the
 * live view with its whole timeline, the same data the live stream sends later.
 */
export async function getLiveIncident(options: Scope) {
  const { incident, family } = await requireIncident(options);
  const [update, claimedPerson, startedBy] = await Promise.all([
    readLiveUpdate({ incidentId: incident.id }),
    incident.claimedPersonId ? db.person.findUnique({ where: { id: incident.claimedPersonId }, select: { name: true } }) : null,
    db.user.findUnique({ where: { id: incident.startedById }, select: { name: true } }),
  ]);
  if (!update) throw new AppError("not_found", "incident.notFound");
  return { incident, family, update, claimedName: claimedPerson?.name ?? null, startedBy: startedBy?.name ?? "" };
}

/**
 * The family's open verification, for the banner that leads back to it. Called by the family's
 * layout after it checked the membership.
 */
export async function findOpenIncident(options: { familyId: string }) {
  const incident = await db.incident.findFirst({
    where: { familyId: options.familyId, status: "open" },
    orderBy: { startedAt: "desc" },
    select: { id: true, people: { select: { person: { select: { name: true } } } } },
  });
  return incident ? { id: incident.id, names: incident.people.map((entry) => entry.person.name).join(", ") } : null;
}

export async function listIncidents(options: { familyId: string; userId: string }) {
  const { family } = await requireMembership(options);
  return db.incident.findMany({
    where: { familyId: family.id },
    orderBy: { startedAt: "desc" },
    take: 20,
    include: { claimedPerson: { select: { name: true } } },
  });
}

export async function updateIncidentNotes(
  options: Scope & { notes: { callerNumber: string; demands: string; paymentInstructions: string } },
) {
  const { incident } = await requireIncident(options);
  await db.incident.update({ where: { id: incident.id }, data: options.notes });
  await appendIncidentEvent({ incidentId: incident.id, type: "notes_updated" });
}

const checklistKeys = new Set([...defaultSteps, ...onTheLineSteps].map((step) => step.key));

/** Ticks a checklist step (one of the guidance's) for every adult watching. */
export async function setChecklistStep(options: Scope & { step: string; checked: boolean }) {
  if (!checklistKeys.has(options.step)) throw new AppError("invalid_input", "incident.unknownStep");
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
  const [safe, duress] = await Promise.all([
    secretWordMatches(words.safeWordHash, options.word),
    secretWordMatches(words.duressWordHash, options.word),
  ]);
  const result = safe ? "safe" : duress ? "duress" : "none";
  if (safe) await db.secretWords.update({ where: { familyId: family.id }, data: { safeWordExposedAt: new Date() } });
  await appendIncidentEvent({ incidentId: incident.id, type: "caller_word_checked", data: { result } });
  return result;
}

export async function pauseIncident(options: Scope) {
  const { incident } = await requireOpen(options);
  await workerUtils();
  await db.$transaction(async (tx) => {
    await tx.incident.update({ where: { id: incident.id }, data: { paused: true } });
    await cancelSteps(tx, incident.id);
    await appendIncidentEvent({ client: tx, incidentId: incident.id, type: "paused" });
  });
}

/** Resumes the escalation: steps already due run at once, the others at their time. */
export async function resumeIncident(options: Scope) {
  const { incident, family } = await requireOpen(options);
  await workerUtils();
  const now = Date.now();
  await db.$transaction(async (tx) => {
    await tx.incident.update({ where: { id: incident.id }, data: { paused: false } });
    await scheduleSteps(tx, {
      incidentId: incident.id,
      steps: escalationSteps
        .filter((step) => !incident.stepsDone.includes(step))
        .map((step) => ({ step, runAt: new Date(Math.max(now, incident.startedAt.getTime() + stepDelaySeconds(family, step) * 1000)) })),
    });
    await appendIncidentEvent({ client: tx, incidentId: incident.id, type: "resumed" });
  });
}

/** Sends the next step of the escalation now, without waiting for its timer; empty tiers are passed over. */
export async function sendNextWaveNow(options: Scope) {
  const { incident } = await requireOpen(options);
  await workerUtils();
  const sent = await db.$transaction(async (tx) => {
    for (const step of escalationSteps) {
      const asked = await runIncidentStepIn(tx, { incidentId: incident.id, step, manual: true });
      if (asked) return true;
    }
    return false;
  });
  if (!sent) throw new AppError("conflict", "incident.noMoreWaves");
}
