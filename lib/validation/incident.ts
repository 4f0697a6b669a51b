import { z } from "zod";
import { defaultSteps, onTheLineSteps } from "@/lib/guidance/call-guidance";

export const incidentNotesSchema = z.object({
  callerNumber: z.string({ error: "invalid" }).trim().max(40, "incidentNotes.tooLong").default(""),
  demands: z.string({ error: "invalid" }).trim().max(2000, "incidentNotes.tooLong").default(""),
  paymentInstructions: z.string({ error: "invalid" }).trim().max(2000, "incidentNotes.tooLong").default(""),
});

export const callerWordSchema = z.object({
  word: z.string({ error: "word.required" }).trim().min(1, "word.required").max(80, "word.tooLong"),
});

export const outcomeSchema = z.enum(["confirmed_safe", "danger", "false_alarm", "no_answer"], { error: "incident.notFound" });

/** The live checklist's steps are the guidance's own, and no other (lib/guidance/call-guidance.ts). */
export const checklistStepKeys = [...defaultSteps, ...onTheLineSteps].map((step) => step.key) as [string, ...string[]];

export const checklistStepSchema = z.object({
  step: z.enum(checklistStepKeys, { error: "incident.unknownStep" }),
  checked: z.enum(["true", "false"], { error: "incident.unknownStep" }).transform((value) => value === "true"),
});
