import "server-only";
// Guards for what users send: an id that must be a UUID, a phone number that must read one way,
// and the database's "already exists" told apart from other failures.
import { AppError, PhoneAmbiguousError } from "@/lib/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatPhone, normalizePhone, type PhonePurpose } from "@/lib/phone";
import type { Country } from "@/lib/validation/family";
import { uuidSchema } from "@/lib/validation/family";

/** An id from a URL or a form: anything that is not a UUID is simply not found. */
export function requireUuid(id: string, messageKey: string): string {
  if (!uuidSchema.safeParse(id).success) throw new AppError("not_found", messageKey);
  return id;
}

/**
 * Normalizes a typed number or refuses it with the reason, on the phone field. A number that
 * reads two ways is refused with both readings until `choice` names one of them.
 */
export function requirePhone(raw: string, country: Country, purpose: PhonePurpose, choice?: string | null): string {
  const result = normalizePhone(raw, { country, purpose, choice });
  if (result.ok) return result.e164;
  if ("readings" in result)
    throw new PhoneAmbiguousError(result.readings.map((reading) => ({ ...reading, display: formatPhone(reading.e164) })));
  throw new AppError("invalid_input", result.error, { field: "phone" });
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
