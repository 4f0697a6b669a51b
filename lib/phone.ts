// Phone numbers are stored in E.164. Input is read with the family's country as the default,
// then the other supported country (MX, then US, as people in both write local numbers).
import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCode, type NumberType } from "libphonenumber-js/max";
import type { Country } from "@/lib/validation/family";

export type PhonePurpose = "sms" | "voice";
export type PhoneResult = { ok: true; e164: string; country: CountryCode | undefined } | { ok: false; error: PhoneError };
export type PhoneError = "phone.required" | "phone.notANumber" | "phone.tooShort" | "phone.tooLong" | "phone.invalid" | "phone.notMobile" | "phone.notPersonal";

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
 * Normalizes a number typed by a person. For SMS the number must look like a mobile; for
 * voice a landline is fine (a school office, a hotel front desk).
 */
export function normalizePhone(raw: string, options: { country: Country; purpose: PhonePurpose }): PhoneResult {
  const input = raw.trim();
  if (!input) return { ok: false, error: "phone.required" };
  if (!/^[+\d\s().\-/]+$/.test(input) || !/\d/.test(input)) return { ok: false, error: "phone.notANumber" };

  const [primary, secondary] = fallbackOrder[options.country];
  const first = parse(input, primary!);
  const candidates = [first, ...(typeof first !== "string" && first.isValid() ? [] : [parse(input, secondary!)])];
  const valid = candidates.find((candidate) => typeof candidate !== "string" && candidate.isValid());
  if (!valid || typeof valid === "string") {
    if (typeof first === "string" && first === "NOT_A_NUMBER") return { ok: false, error: "phone.notANumber" };
    return { ok: false, error: lengthProblem(input, primary!) };
  }

  const type = valid.getType();
  // Unknown types are allowed: metadata lags behind new number ranges.
  if (type && options.purpose === "sms" && !textable.has(type)) return { ok: false, error: "phone.notMobile" };
  if (type && options.purpose === "voice" && !callable.has(type)) return { ok: false, error: "phone.notPersonal" };
  return { ok: true, e164: valid.number, country: valid.country };
}

/** How a stored number is shown to people: international format, readable. */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}
