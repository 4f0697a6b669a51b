// What a saved form shows again (no "use server": plain helpers of the family's actions).
import { formatPhone } from "@/lib/phone";

/** What was saved, as the form shows it again. */
export function asFormValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)]));
}

/** What was saved, with the number as it was understood (so that the form shows it, not what was typed). */
export function savedValues(data: Record<string, unknown>, phone: string): Record<string, string> {
  const values = asFormValues(data);
  delete values.phoneChoice;
  return { ...values, phone: formatPhone(phone) };
}
