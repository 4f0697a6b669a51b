// Phone numbers are stored in E.164. Input is read with the family's country as the default,
// then the other supported country (MX, then US, as people in both write local numbers).
import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from "libphonenumber-js/max";
import type { Country } from "@/lib/validation/family";

export type PhonePurpose = "sms" | "voice";
/** One way of reading what was typed: the number and the country it belongs to. */
export type PhoneReading = { e164: string; country: CountryCode | undefined };
export type PhoneResult =
  | { ok: true; e164: string; country: CountryCode | undefined }
  | { ok: false; error: PhoneError }
  | { ok: false; error: "phone.ambiguous"; readings: PhoneReading[] };
export type PhoneError =
  "phone.required" | "phone.notANumber" | "phone.tooShort" | "phone.tooLong" | "phone.invalid" | "phone.notMobile" | "phone.notPersonal";

const fallbackOrder: Record<Country, CountryCode[]> = { MX: ["MX", "US"], US: ["US", "MX"] };

// Mexico stopped distinguishing mobile and fixed numbers in 2019: FIXED_LINE_OR_MOBILE is normal there.
const textable = new Set<NumberType>(["MOBILE", "FIXED_LINE_OR_MOBILE"]);
const callable = new Set<NumberType>(["MOBILE", "FIXED_LINE_OR_MOBILE", "FIXED_LINE", "VOIP", "PERSONAL_NUMBER"]);

// Mexican mobiles used to be dialled as +52 1 + ten digits; that "1" is no longer part of the number.
function dropLegacyMexicanMobilePrefix(input: string): string {
  const digits = input.replace(/\D/g, "");
  return input.trim().startsWith("+") && /^521\d{10}$/.test(digits) ? `+52${digits.slice(3)}` : input;
}

function parse(input: string, country: CountryCode) {
  try {
    return parsePhoneNumberWithError(dropLegacyMexicanMobilePrefix(input), { defaultCountry: country, extract: false });
  } catch (error) {
    if (error instanceof ParseError) return error.message;
    throw error;
  }
}

function lengthProblem(input: string, country: CountryCode): PhoneError {
  const problem = validatePhoneNumberLength(input, { defaultCountry: country });
  if (problem === "TOO_SHORT") return "phone.tooShort";
  if (problem === "TOO_LONG") return "phone.tooLong";
  return "phone.invalid";
}

/**
 * The country whose way of writing numbers the input follows, when it clearly follows one:
 * Mexico groups ten digits 2-4-4 ("55 1234 5678", "(55) 1234-5678"); the US writes
 * "(415) 555-0134", "415-555-0134" or "415.555.0134". Anything else says nothing.
 */
export function typedStyle(input: string): CountryCode | null {
  const text = input.trim();
  if (/^(\(\d{2}\)\s*|\d{2}[\s.-]+)\d{4}[\s.-]?\d{4}$/.test(text)) return "MX";
  if (/^(1[\s.-]?)?(\(\d{3}\)\s*\d{3}[\s.-]?\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})$/.test(text)) return "US";
  return null;
}

function suits(type: NumberType | undefined, purpose: PhonePurpose): PhoneError | null {
  // Unknown types are allowed: metadata lags behind new number ranges.
  if (type && purpose === "sms" && !textable.has(type)) return "phone.notMobile";
  if (type && purpose === "voice" && !callable.has(type)) return "phone.notPersonal";
  return null;
}

/**
 * Normalizes a number typed by a person. For SMS the number must look like a mobile; for
 * voice a landline is fine (a school office, a hotel front desk).
 *
 * A number typed without "+" is read in the family's country, then in the other one. When both
 * readings are valid (and usable for the purpose), the family's country is taken silently only
 * if the number is written the way that country writes numbers; otherwise nothing is guessed:
 * the result is "phone.ambiguous" with both readings, the family's first, and the caller asks
 * which one is meant. `choice`, an E.164 the person picked among those readings, settles it; a
 * choice that is not a reading of `raw` (the number was edited since) is ignored.
 */
export function normalizePhone(raw: string, options: { country: Country; purpose: PhonePurpose; choice?: string | null }): PhoneResult {
  const input = raw.trim();
  if (!input) return { ok: false, error: "phone.required" };
  if (!/^[+\d\s().\-/]+$/.test(input) || !/\d/.test(input)) return { ok: false, error: "phone.notANumber" };

  const [primary, secondary] = fallbackOrder[options.country];
  const first = parse(input, primary!);
  // With a leading "+" the country is written in the number: one reading only.
  const second = input.startsWith("+") ? null : parse(input, secondary!);
  const valid = [first, second].filter(
    (candidate) => candidate !== null && typeof candidate !== "string" && candidate.isValid(),
  ) as PhoneNumber[];
  const unique = valid.filter((candidate, index) => valid.findIndex((other) => other.number === candidate.number) === index);
  if (unique.length === 0) {
    if (typeof first === "string" && first === "NOT_A_NUMBER") return { ok: false, error: "phone.notANumber" };
    return { ok: false, error: lengthProblem(input, primary!) };
  }

  const reading = (number: PhoneNumber) => ({ ok: true as const, e164: number.number, country: number.country });
  const usable = unique.filter((number) => suits(number.getType(), options.purpose) === null);
  const chosen = options.choice ? usable.find((number) => number.number === options.choice) : undefined;
  if (chosen) return reading(chosen);
  if (usable.length === 0) return { ok: false, error: suits(unique[0]!.getType(), options.purpose)! };
  if (usable.length === 1) return reading(usable[0]!);
  if (typedStyle(input) === primary) return reading(usable[0]!);
  return { ok: false, error: "phone.ambiguous", readings: usable.map((number) => ({ e164: number.number, country: number.country })) };
}

/** How a stored number is shown to people: international format, readable. */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}
