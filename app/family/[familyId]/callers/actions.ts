"use server";
// The caller check's actions: called from the live screen while typing (debounced) and from
// "Check a number". Each checks the session; the callers functions check the family. Answers are
// translated here, so the browser gets sentences, never a stack trace.
import { revalidatePath } from "next/cache";
import type { CallerResult, IncidentPaymentView } from "@/components/incident/caller-view";
import { requireSession } from "@/lib/server/auth/session";
import { checkIdentifier, describeIdentifier } from "@/lib/server/callers/check-identifier";
import { checkView, errorView } from "@/lib/server/callers/check-view";
import { addIncidentIdentifier, removeIncidentIdentifier, setIncidentCaller } from "@/lib/server/callers/incident-callers";
import { reportIdentifier, setCallerReportSharing, withdrawFamilyReport } from "@/lib/server/callers/report-identifier";
import { identifierCheckSchema, incidentCallerSchema, incidentPaymentSchema, reportHashSchema } from "@/lib/validation/callers";
import { uuidSchema } from "@/lib/validation/family";

type Done = { status: "success"; message: string } | { status: "error"; error: string };

async function user(familyId: string, returnTo = `/family/${familyId}/callers`) {
  const session = await requireSession(returnTo);
  return { familyId, userId: session.user.id };
}

/** What is known of a number or payment identifier: the check, translated. */
export async function checkIdentifierAction(familyId: string, input: unknown): Promise<CallerResult> {
  const scope = await user(familyId);
  const parsed = identifierCheckSchema.safeParse(input);
  if (!parsed.success) return errorView(parsed.error.issues[0]?.message ?? "generic");
  try {
    const result = await checkIdentifier({ ...scope, input: parsed.data.value, kind: parsed.data.kind });
    return result.ok ? await checkView(result.check) : await errorView(result.error);
  } catch (error) {
    return errorView(error);
  }
}

/** The caller's number on the live screen (or after the call): kept on the incident, and checked. */
export async function saveIncidentCallerAction(familyId: string, incidentId: string, input: unknown): Promise<CallerResult | null> {
  const scope = { ...(await user(familyId, `/family/${familyId}/incidents/${incidentId}`)), incidentId };
  const parsed = incidentCallerSchema.safeParse(input);
  if (!parsed.success) return errorView(parsed.error.issues[0]?.message ?? "generic");
  try {
    const identifier = await setIncidentCaller({ ...scope, input: parsed.data.value, hidden: parsed.data.hidden });
    return identifier ? await checkView(await describeIdentifier(familyId, identifier)) : null;
  } catch (error) {
    return errorView(error);
  }
}

/** A payment identifier the caller gave, added to the incident and checked. */
export async function addIncidentPaymentAction(familyId: string, incidentId: string, input: unknown): Promise<IncidentPaymentView | { status: "error"; error: string }> {
  const scope = { ...(await user(familyId, `/family/${familyId}/incidents/${incidentId}`)), incidentId };
  const parsed = incidentPaymentSchema.safeParse(input);
  if (!parsed.success) return errorView(parsed.error.issues[0]?.message ?? "generic");
  try {
    const added = await addIncidentIdentifier({ ...scope, input: parsed.data.value, kind: parsed.data.kind });
    return { id: added.id, view: await checkView(await describeIdentifier(familyId, added.identifier)) };
  } catch (error) {
    return errorView(error);
  }
}

export async function removeIncidentPaymentAction(familyId: string, incidentId: string, identifierId: unknown): Promise<Done> {
  const scope = { ...(await user(familyId, `/family/${familyId}/incidents/${incidentId}`)), incidentId };
  try {
    await removeIncidentIdentifier({ ...scope, identifierId: String(identifierId ?? "") });
    return { status: "success", message: "" };
  } catch (error) {
    return errorView(error);
  }
}

/** "Check a number": the family reports what it checked. */
export async function reportIdentifierAction(familyId: string, input: unknown): Promise<CallerResult> {
  const scope = await user(familyId);
  const parsed = identifierCheckSchema.safeParse(input);
  if (!parsed.success) return errorView(parsed.error.issues[0]?.message ?? "generic");
  try {
    await reportIdentifier({ ...scope, input: parsed.data.value, kind: parsed.data.kind });
    revalidatePath(`/family/${familyId}/callers`);
    const result = await checkIdentifier({ ...scope, input: parsed.data.value, kind: parsed.data.kind });
    return result.ok ? await checkView(result.check) : await errorView(result.error);
  } catch (error) {
    return errorView(error);
  }
}

/** Takes back one of the family's reports. */
export async function withdrawReportAction(familyId: string, hash: unknown): Promise<Done> {
  const scope = await user(familyId);
  const parsed = reportHashSchema.safeParse(hash);
  if (!parsed.success) return errorView("callers.reportNotFound");
  try {
    await withdrawFamilyReport({ ...scope, hash: parsed.data });
    revalidatePath(`/family/${familyId}/callers`);
    return { status: "success", message: "" };
  } catch (error) {
    return errorView(error);
  }
}

/** The family's opt-out from automatic reports (a plain form: works without JavaScript). */
export async function setSharingAction(familyId: string, formData: FormData): Promise<void> {
  const scope = await user(familyId);
  if (!uuidSchema.safeParse(familyId).success) return;
  await setCallerReportSharing({ ...scope, share: formData.get("share") === "on" }).catch(() => undefined);
  revalidatePath(`/family/${familyId}/callers`);
}

/** The same from the page's list of reports (a plain form). */
export async function withdrawReportFormAction(familyId: string, formData: FormData): Promise<void> {
  await withdrawReportAction(familyId, formData.get("hash"));
}
