"use server";
// Trips and exposure checks (familyAction: signed-in adults; the data-access functions check the
// family and the role; every failure comes back as a translated form message).
import { familyAction } from "@/lib/server/actions/action-builders";
import { saveExposureCheck, sendExposureTips } from "@/lib/server/exposure/exposure-checks";
import { addTripCompanion, createTrip, deleteTrip, removeTripContact, updateTrip } from "@/lib/server/travel/trips";
import { companionSchema, exposureSchema, tripSchema } from "@/lib/validation/travel";

export const createTripAction = familyAction({ bound: ["personId"], schema: tripSchema }, async ({ scope, input }) => {
  const trip = await createTrip({ ...scope, input });
  return { status: "success", successMessage: "tripAdded", successValues: { destination: trip.destination } };
});

export const updateTripAction = familyAction({ bound: ["tripId"], schema: tripSchema }, async ({ scope, input }) => {
  await updateTrip({ ...scope, input });
  return {
    status: "success",
    successMessage: "tripSaved",
    values: Object.fromEntries(Object.entries(input).map(([key, value]) => [key, String(value ?? "")])),
  };
});

export const deleteTripAction = familyAction({ bound: ["tripId"] }, async ({ scope }) => {
  await deleteTrip(scope);
});

export const addCompanionAction = familyAction({ bound: ["tripId"], schema: companionSchema }, async ({ scope, input }) => {
  await addTripCompanion({ ...scope, input });
  return { status: "success", successMessage: "companionAdded", successValues: { name: input.name } };
});

export const removeTripContactAction = familyAction({ bound: ["tripId"] }, async ({ scope, formData }) => {
  await removeTripContact({ ...scope, tripContactId: String(formData.get("tripContactId") ?? "") });
});

export const saveExposureAction = familyAction({ bound: ["personId"], schema: exposureSchema }, async ({ scope, input }) => {
  await saveExposureCheck({ ...scope, input });
  return { status: "success", successMessage: "exposureSaved" };
});

/** Texts the person the steps of their latest check, when an adult asks (once a day). */
export const sendExposureTipsAction = familyAction({ bound: ["personId"] }, async ({ scope }) => {
  const { name } = await sendExposureTips(scope);
  return { status: "success", successMessage: "tipsSent", successValues: { name } };
});
