"use server";
// Server actions of trips and exposure checks. Each checks the session; the data-access
// functions check the family and the role. Every failure comes back as a translated form message.
import { saveExposureCheck } from "@/lib/server/exposure/exposure-checks";
import { addTripCompanion, createTrip, deleteTrip, removeTripContact, updateTrip } from "@/lib/server/travel/trips";
import { requireSession } from "@/lib/server/auth/session";
import { parseForm, type FormState } from "@/lib/validation/form-state";
import { companionSchema, exposureSchema, tripSchema } from "@/lib/validation/travel";
import { settleFormAction, type Scope } from "./run-form-action";

/** Runs `work` for the signed-in adult and turns its failure into the form's state. */
function attempt(familyId: string, formData: FormData, work: (scope: Scope) => Promise<FormState | void>): Promise<FormState> {
  return settleFormAction(familyId, formData, () => requireSession(`/family/${familyId}`), work);
}

export async function createTripAction(familyId: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(tripSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    const trip = await createTrip({ ...s, personId, input: parsed.data });
    return { status: "success", successMessage: "tripAdded", successValues: { destination: trip.destination } };
  });
}

export async function updateTripAction(familyId: string, tripId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(tripSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    await updateTrip({ ...s, tripId, input: parsed.data });
    return { status: "success", successMessage: "tripSaved", values: Object.fromEntries(Object.entries(parsed.data).map(([key, value]) => [key, String(value ?? "")])) };
  });
}

export async function deleteTripAction(familyId: string, tripId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return attempt(familyId, formData, (s) => deleteTrip({ ...s, tripId }));
}

export async function addCompanionAction(familyId: string, tripId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(companionSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    await addTripCompanion({ ...s, tripId, input: parsed.data });
    return { status: "success", successMessage: "companionAdded", successValues: { name: parsed.data.name } };
  });
}

export async function removeTripContactAction(familyId: string, tripId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return attempt(familyId, formData, (s) => removeTripContact({ ...s, tripId, tripContactId: String(formData.get("tripContactId") ?? "") }));
}

export async function saveExposureAction(familyId: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(exposureSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(familyId, formData, async (s) => {
    await saveExposureCheck({ ...s, personId, input: parsed.data });
    return { status: "success", successMessage: "exposureSaved" };
  });
}
