"use server";
// The live-call screen's actions. Each checks the session; the incident functions check the
// family. Failures come back as translated messages, never a 500.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { closeIncidentByAdult } from "@/lib/server/incidents/close-incident";
import { checkCallerWord, pauseIncident, resumeIncident, sendNextWaveNow, setChecklistStep, updateIncidentNotes } from "@/lib/server/incidents/manage-incident";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { parseForm, type FormState } from "@/lib/validation/form-state";
import { callerWordSchema, incidentNotesSchema, outcomeSchema } from "@/lib/validation/incident";

async function scope(familyId: string, incidentId: string) {
  const session = await requireSession(`/family/${familyId}/incidents/${incidentId}`);
  return { familyId, incidentId, userId: session.user.id };
}

async function attempt(familyId: string, incidentId: string, formData: FormData, work: (s: Awaited<ReturnType<typeof scope>>) => Promise<FormState | void>): Promise<FormState> {
  try {
    const result = await work(await scope(familyId, incidentId));
    revalidatePath(`/family/${familyId}/incidents/${incidentId}`);
    return result ?? { status: "success" };
  } catch (error) {
    if (error instanceof Error && "digest" in error) throw error;
    return actionErrorState(error, formData);
  }
}

export async function startIncidentAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}/incidents/new`);
  const person = String(formData.get("personId") ?? "");
  let target: string;
  try {
    const started = await startIncident({ familyId, userId: session.user.id, personId: person === "unknown" ? null : person, drill: formData.get("drill") === "on" });
    // Someone is already verifying this person: open that incident and say so.
    target = `/family/${familyId}/incidents/${started.incident.id}${started.alreadyOpen ? "?already=1" : ""}`;
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect(target);
}

export async function tickStepAction(familyId: string, incidentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return attempt(familyId, incidentId, formData, (s) => setChecklistStep({ ...s, step: String(formData.get("step") ?? "").slice(0, 40), checked: formData.get("checked") === "true" }));
}

export async function saveNotesAction(familyId: string, incidentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(incidentNotesSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, incidentId, formData, async (s) => {
    await updateIncidentNotes({ ...s, notes: parsed.data });
    return { status: "success", successMessage: "notesSaved", values: parsed.data };
  });
}

export async function checkCallerWordAction(familyId: string, incidentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(callerWordSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, incidentId, formData, async (s) => {
    const result = await checkCallerWord({ ...s, word: parsed.data.word });
    return { status: "success", successMessage: `callerWordResult.${result}` };
  });
}

export async function controlAction(familyId: string, incidentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const intent = formData.get("intent");
  return attempt(familyId, incidentId, formData, async (s) => {
    if (intent === "pause") return pauseIncident(s);
    if (intent === "resume") return resumeIncident(s);
    if (intent === "next") return sendNextWaveNow(s);
    const outcome = outcomeSchema.safeParse(formData.get("outcome"));
    if (!outcome.success) return { status: "error", formError: "incident.notFound" };
    await closeIncidentByAdult({ ...s, outcome: outcome.data });
  });
}
