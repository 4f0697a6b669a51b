import type { z } from "zod";

/** What a server action returns to its form (rendered with useActionState). */
export type FormState = {
  status: "idle" | "error" | "success";
  /** Message keys in the "errors" namespace, per field. */
  fieldErrors?: Record<string, string[]>;
  /** A message key in the "errors" namespace for the whole form. */
  formError?: string;
  formErrorValues?: Record<string, string | number>;
  /** What the user typed, returned so that nothing is lost (never passwords or secret words). */
  values?: Record<string, string>;
  /** A message key in its page's namespace, announced after a success. */
  successMessage?: string;
  successValues?: Record<string, string>;
  /**
   * The typed phone number reads as two numbers: each reading (E.164, its country, shown
   * formatted). The form asks which one and sends it back as `phoneChoice`.
   */
  phoneChoices?: { e164: string; country: string; display: string }[];
};

export const initialFormState: FormState = { status: "idle" };

// Secrets are never sent back to the browser, not even to refill a form.
const neverEchoed = new Set(["password", "safeWord", "duressWord", "word", "confirmName"]);

/**
 * A server action's form, or an empty one when the caller sent something else in its place
 * (a hand-made request can put any value there): then the schema says what is missing.
 */
export function asFormData(formData: unknown): FormData {
  return formData instanceof FormData ? formData : new FormData();
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of asFormData(formData).entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !neverEchoed.has(key)) values[key] = value;
  }
  return values;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const result = schema.safeParse(Object.fromEntries(asFormData(formData).entries()));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, state: { status: "error", fieldErrors, values: formValues(formData) } };
}

export function formError(formData: FormData, key: string, values?: Record<string, string | number>): FormState {
  return { status: "error", formError: key, formErrorValues: values, values: formValues(formData) };
}
