import { z } from "zod";
import { paymentKinds } from "@/lib/caller-identifiers";

const value = z.string({ error: "identifier.required" }).max(120, "identifier.unrecognized");

/** A lookup from the live screen or "Check a number": what was typed, and what it is. */
export const identifierCheckSchema = z.object({
  value,
  kind: z.enum(["phone", "auto", ...paymentKinds], { error: "identifier.unrecognized" }).default("phone"),
});

/** The caller's number on an incident, or "hidden". */
export const incidentCallerSchema = z.object({
  value: value.default(""),
  hidden: z.boolean({ error: "identifier.unrecognized" }).default(false),
});

/** A payment identifier added to an incident. */
export const incidentPaymentSchema = z.object({
  value,
  kind: z.enum(["auto", ...paymentKinds], { error: "identifier.unrecognized" }).default("auto"),
});

/** A report's hash, as the family's own list holds it (base64url of a SHA-256). */
export const reportHashSchema = z.string({ error: "callers.reportNotFound" }).regex(/^[A-Za-z0-9_-]{43}$/, "callers.reportNotFound");
