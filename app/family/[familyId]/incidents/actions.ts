"use server";
// The live-call screen's actions (familyAction: signed-in adults; the incident functions check
// the family). Failures come back as translated messages, never a 500.
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { closeIncidentByAdult } from "@/lib/server/incidents/close-incident";
import {
  checkCallerWord,
  pauseIncident,
  resumeIncident,
  sendNextWaveNow,
  setChecklistStep,
  updateIncidentNotes,
} from "@/lib/server/incidents/manage-incident";
import { startIncident } from "@/lib/server/incidents/start-incident";
import type { FormState } from "@/lib/validation/form-state";
import { callerWordSchema, incidentNotesSchema, outcomeSchema } from "@/lib/validation/incident";

const onIncident = {
  bound: ["incidentId"],
  returnTo: ({ familyId, incidentId }: { familyId: string; incidentId: string }) => `/family/${familyId}/incidents/${incidentId}`,
  revalidate: ({ familyId, incidentId }: { familyId: string; incidentId: string }) => `/family/${familyId}/incidents/${incidentId}`,
} as const;

export const startIncidentAction = familyAction(
  { returnTo: ({ familyId }) => `/family/${familyId}/incidents/new`, revalidate: () => null },
  async ({ scope, formData }) => {
    const person = String(formData.get("personId") ?? "");
    const started = await startIncident({
      ...scope,
      personId: person === "unknown" ? null : person,
      drill: formData.get("drill") === "on",
    });
    // Someone is already verifying this person: open that incident and say so.
    redirect(`/family/${scope.familyId}/incidents/${started.incident.id}${started.alreadyOpen ? "?already=1" : ""}`);
  },
);

export const tickStepAction = familyAction(onIncident, async ({ scope, formData }) => {
  await setChecklistStep({ ...scope, step: String(formData.get("step") ?? "").slice(0, 40), checked: formData.get("checked") === "true" });
});

export const saveNotesAction = familyAction({ ...onIncident, schema: incidentNotesSchema }, async ({ scope, input }) => {
  await updateIncidentNotes({ ...scope, notes: input });
  return { status: "success", successMessage: "notesSaved", values: input };
});

export const checkCallerWordAction = familyAction({ ...onIncident, schema: callerWordSchema }, async ({ scope, input }) => {
  const result = await checkCallerWord({ ...scope, word: input.word });
  return { status: "success", successMessage: `callerWordResult.${result}` };
});

/** Pause, resume, send the next wave now, or close with an outcome. */
export const controlAction = familyAction(onIncident, async ({ scope, formData }): Promise<FormState | void> => {
  const intent = formData.get("intent");
  if (intent === "pause") return pauseIncident(scope);
  if (intent === "resume") return resumeIncident(scope);
  if (intent === "next") return sendNextWaveNow(scope);
  const outcome = outcomeSchema.safeParse(formData.get("outcome"));
  if (!outcome.success) return { status: "error", formError: "incident.notFound" };
  await closeIncidentByAdult({ ...scope, outcome: outcome.data });
});
