// Forms of trips and exposure checks. Messages are keys in "errors".
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { exposureAnswers, exposureQuestions, type ExposureQuestion } from "@/lib/travel/exposure";
import { parseDay, tripDatesProblem, tripTimeZones } from "@/lib/travel/trip-dates";

const optionalText = (max: number, key: string) => z.string({ error: "invalid" }).trim().max(max, key).default("");
const day = z.string({ error: "trip.dateRequired" }).trim().min(1, "trip.dateRequired").max(10, "trip.dateInvalid");

export const tripSchema = z
  .object({
    /** Made when the form is drawn: a double submit names the same trip and adds nothing. */
    tripKey: z.uuid({ error: "trip.formExpired" }),
    destination: z
      .string({ error: "trip.destinationRequired" })
      .trim()
      .min(1, "trip.destinationRequired")
      .max(80, "trip.destinationTooLong"),
    hotelName: optionalText(80, "trip.hotelTooLong"),
    startsOn: day,
    endsOn: day,
    timeZone: z.enum(tripTimeZones, { error: "trip.timeZoneInvalid" }),
    /** The front desk's number; empty while the hotel is not known yet. */
    phone: z.string({ error: "invalid" }).max(40, "phone.tooLong").default(""),
    phoneChoice: z.string({ error: "invalid" }).max(40, "phone.tooLong").optional(),
    deskLocale: z.enum(locales, { error: "locale.invalid" }),
  })
  .superRefine((trip, context) => {
    // Runs even when a field failed: each date is read on its own, the pair only when both are
    // real days in a time zone of the list.
    const unreadable = (["startsOn", "endsOn"] as const).filter(
      (field) => typeof trip[field] === "string" && trip[field] !== "" && !parseDay(trip[field]),
    );
    for (const field of unreadable) context.addIssue({ code: "custom", message: "trip.dateInvalid", path: [field] });
    if (
      unreadable.length > 0 ||
      !parseDay(String(trip.startsOn)) ||
      !parseDay(String(trip.endsOn)) ||
      !(tripTimeZones as readonly unknown[]).includes(trip.timeZone)
    )
      return;
    const problem = tripDatesProblem(trip, new Date());
    if (problem) context.addIssue({ code: "custom", message: problem.problem, path: [problem.field] });
  });

export const companionSchema = z.object({
  name: z.string({ error: "contactName.required" }).trim().min(1, "contactName.required").max(80, "contactName.tooLong"),
  phone: z.string({ error: "phone.required" }).max(40, "phone.tooLong"),
  phoneChoice: z.string({ error: "invalid" }).max(40, "phone.tooLong").optional(),
  locale: z.enum(locales, { error: "locale.invalid" }),
});

const answer = z.enum(exposureAnswers, { error: "exposure.answerRequired" });
export const exposureSchema = z.object(
  Object.fromEntries(exposureQuestions.map((question) => [question, answer])) as Record<ExposureQuestion, typeof answer>,
);

export type TripInput = z.infer<typeof tripSchema>;
export type CompanionInput = z.infer<typeof companionSchema>;
export type ExposureInput = z.infer<typeof exposureSchema>;
