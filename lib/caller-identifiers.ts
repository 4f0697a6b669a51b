// What a caller leaves behind: the number they called from and the payment identifiers they
// dictated. Each kind is normalized and validated here; the registry hashes the normalized form
// (lib/server/callers/registry-key.ts). Server code only: never imported by a client component.
import { createHash } from "node:crypto";
import { parsePhoneNumberWithError, type NumberType } from "libphonenumber-js/max";
import { normalizePhone, typedStyle, type PhoneError } from "@/lib/phone";
import type { Country } from "@/lib/validation/family";

export const identifierKinds = ["phone", "clabe", "card", "store_reference", "crypto"] as const;
export type IdentifierKind = (typeof identifierKinds)[number];
export const paymentKinds = ["clabe", "card", "store_reference", "crypto"] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export type Identifier = { kind: IdentifierKind; value: string };

export type IdentifierError =
  | PhoneError
  | "identifier.required"
  | "identifier.unrecognized"
  | "clabe.length"
  | "clabe.checkDigit"
  | "card.length"
  | "card.checkDigit"
  | "storeReference.invalid"
  | "crypto.invalid";

export type IdentifierResult = { ok: true; identifier: Identifier } | { ok: false; error: IdentifierError };

// ---- Phone ----

/** The kind of line a number's own metadata says it is (libphonenumber-js). */
export type LineKind = "mobile" | "fixed_line" | "fixed_or_mobile" | "voip" | "toll_free" | "premium" | "other";

const lineKinds: Partial<Record<NonNullable<NumberType>, LineKind>> = {
  MOBILE: "mobile",
  FIXED_LINE: "fixed_line",
  FIXED_LINE_OR_MOBILE: "fixed_or_mobile",
  VOIP: "voip",
  TOLL_FREE: "toll_free",
  PREMIUM_RATE: "premium",
};

/** Main Mexican area codes (lada) and where they ring; others show the code alone. */
const mexicanAreas: Record<string, string> = {
  "55": "Ciudad de México",
  "56": "Ciudad de México",
  "33": "Guadalajara",
  "81": "Monterrey",
  "222": "Puebla",
  "664": "Tijuana",
  "656": "Ciudad Juárez",
  "998": "Cancún",
  "999": "Mérida",
  "442": "Querétaro",
  "477": "León",
  "614": "Chihuahua",
  "667": "Culiacán",
  "744": "Acapulco",
  "722": "Toluca",
  "871": "Torreón",
  "844": "Saltillo",
  "229": "Veracruz",
  "686": "Mexicali",
  "662": "Hermosillo",
  "618": "Durango",
  "443": "Morelia",
  "961": "Tuxtla Gutiérrez",
  "951": "Oaxaca",
  "449": "Aguascalientes",
  "444": "San Luis Potosí",
  "984": "Playa del Carmen",
  "987": "Cozumel",
  "624": "Los Cabos",
  "322": "Puerto Vallarta",
  "669": "Mazatlán",
  "833": "Tampico",
  "899": "Reynosa",
  "867": "Nuevo Laredo",
  "746": "Acapulco",
};

export type NumberFacts = { country: string | null; area: string | null; areaName: string | null; line: LineKind | null };

/** Country, area code (with its city for Mexico's main ones) and line kind, from the number alone. */
export function numberFacts(e164: string): NumberFacts {
  try {
    const number = parsePhoneNumberWithError(e164);
    const national = number.nationalNumber;
    let area: string | null = null;
    if (number.country === "MX")
      area = ["55", "56", "33", "81"].includes(national.slice(0, 2)) ? national.slice(0, 2) : national.slice(0, 3);
    else if (number.countryCallingCode === "1") area = national.slice(0, 3);
    const type = number.getType();
    return {
      country: number.country ?? null,
      area,
      areaName: area && number.country === "MX" ? (mexicanAreas[area] ?? null) : null,
      line: type ? (lineKinds[type] ?? "other") : null,
    };
  } catch {
    return { country: null, area: null, areaName: null, line: null };
  }
}

/**
 * The caller's number as people type it ("55 1234 5678", "+52 1 55…", "(415) 555-0134"). A
 * number that reads in both countries is taken in the way it is written, else in the family's
 * country: the person on the phone means their own country's number unless they wrote otherwise.
 */
export function normalizeCallerNumber(raw: string, country: Country): IdentifierResult {
  const result = normalizePhone(raw, { country, purpose: "voice" });
  if (result.ok) return { ok: true, identifier: { kind: "phone", value: result.e164 } };
  if (result.error === "phone.ambiguous") {
    const preferred = typedStyle(raw) ?? country;
    const reading = result.readings.find((candidate) => candidate.country === preferred) ?? result.readings[0]!;
    return { ok: true, identifier: { kind: "phone", value: reading.e164 } };
  }
  return { ok: false, error: result.error };
}

// ---- Payment identifiers ----

const digitsOnly = (raw: string) => raw.replace(/[\s.\-/]/g, "");

/** Mexico's CLABE: 18 digits, the last a check digit over the first 17 with weights 3, 7, 1. */
export function clabeCheckDigit(first17: string): number {
  const weights = [3, 7, 1];
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += (Number(first17[index]) * weights[index % 3]!) % 10;
  return (10 - (sum % 10)) % 10;
}

export function isValidClabe(value: string): boolean {
  return /^\d{18}$/.test(value) && clabeCheckDigit(value.slice(0, 17)) === Number(value[17]);
}

/** Card numbers: 13 to 19 digits with a Luhn check digit. */
export function isValidLuhn(value: string): boolean {
  if (!/^\d{13,19}$/.test(value)) return false;
  let sum = 0;
  for (let index = 0; index < value.length; index++) {
    let digit = Number(value[value.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Banks by the first three digits of a CLABE (the most common in deposits). */
const clabeBanks: Record<string, string> = {
  "002": "Banamex",
  "012": "BBVA México",
  "014": "Santander",
  "021": "HSBC",
  "030": "Bajío",
  "036": "Inbursa",
  "044": "Scotiabank",
  "058": "Banregio",
  "072": "Banorte",
  "127": "Banco Azteca",
  "130": "Compartamos",
  "137": "BanCoppel",
  "138": "Ualá",
  "646": "STP",
  "638": "Nu México",
  "722": "Mercado Pago",
  "706": "Arcus",
};

export function clabeBank(clabe: string): string | null {
  return clabeBanks[clabe.slice(0, 3)] ?? null;
}

const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58Check (Bitcoin P2PKH/P2SH, Tron): the last 4 bytes are a double SHA-256 of the rest. */
function isBase58Check(value: string): boolean {
  let number = 0n;
  for (const char of value) {
    const digit = base58.indexOf(char);
    if (digit < 0) return false;
    number = number * 58n + BigInt(digit);
  }
  const hex = number.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
  const leadingZeros = value.length - value.replace(/^1+/, "").length;
  const full = Buffer.concat([Buffer.alloc(leadingZeros), bytes]);
  if (full.length < 5) return false;
  const payload = full.subarray(0, -4);
  const checksum = createHash("sha256").update(createHash("sha256").update(payload).digest()).digest().subarray(0, 4);
  return checksum.equals(full.subarray(-4));
}

/** A crypto address in its canonical form, or null: Bitcoin, Ethereum-style (USDT ERC-20) and Tron (USDT TRC-20). */
export function normalizeCryptoAddress(raw: string): string | null {
  const value = raw.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(value)) return value.toLowerCase();
  if (/^(bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}$/.test(value) && (value === value.toLowerCase() || value === value.toUpperCase()))
    return value.toLowerCase();
  if (/^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(value) && isBase58Check(value)) return value;
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(value) && isBase58Check(value)) return value;
  return null;
}

function normalizePaymentOfKind(kind: PaymentKind, raw: string): IdentifierResult {
  const digits = digitsOnly(raw);
  switch (kind) {
    case "clabe":
      if (!/^\d{18}$/.test(digits)) return { ok: false, error: "clabe.length" };
      return isValidClabe(digits) ? { ok: true, identifier: { kind, value: digits } } : { ok: false, error: "clabe.checkDigit" };
    case "card":
      if (!/^\d{13,19}$/.test(digits)) return { ok: false, error: "card.length" };
      return isValidLuhn(digits) ? { ok: true, identifier: { kind, value: digits } } : { ok: false, error: "card.checkDigit" };
    case "store_reference": {
      const value = digits.toUpperCase();
      return /^[A-Z0-9]{6,30}$/.test(value) ? { ok: true, identifier: { kind, value } } : { ok: false, error: "storeReference.invalid" };
    }
    case "crypto": {
      const value = normalizeCryptoAddress(raw);
      return value ? { ok: true, identifier: { kind, value } } : { ok: false, error: "crypto.invalid" };
    }
  }
}

/**
 * A payment identifier as dictated by the caller. With a kind, it must be of that kind; with
 * "auto", it is recognized: a crypto address, 18 digits (a CLABE: a wrong check digit is said,
 * not taken for something else), 13–19 digits with a Luhn check (a card; 15–16 digits failing it
 * are said to be a mistyped card), else a store payment reference.
 */
export function normalizePaymentIdentifier(raw: string, kind: PaymentKind | "auto"): IdentifierResult {
  if (!raw.trim()) return { ok: false, error: "identifier.required" };
  if (raw.length > 120) return { ok: false, error: "identifier.unrecognized" };
  if (kind !== "auto") return normalizePaymentOfKind(kind, raw);
  if (normalizeCryptoAddress(raw)) return normalizePaymentOfKind("crypto", raw);
  const digits = digitsOnly(raw);
  if (/^\d{18}$/.test(digits)) return normalizePaymentOfKind("clabe", raw);
  if (/^\d{13,19}$/.test(digits) && isValidLuhn(digits)) return normalizePaymentOfKind("card", raw);
  if (/^\d{15,16}$/.test(digits)) return { ok: false, error: "card.checkDigit" };
  const reference = normalizePaymentOfKind("store_reference", raw);
  return reference.ok ? reference : { ok: false, error: "identifier.unrecognized" };
}

/** How an identifier is shown: numbers formatted, cards masked to their last four digits. */
export function displayIdentifier(identifier: Identifier): string {
  switch (identifier.kind) {
    case "phone":
      try {
        return parsePhoneNumberWithError(identifier.value).formatInternational();
      } catch {
        return identifier.value;
      }
    case "clabe":
      return identifier.value.replace(/^(\d{3})(\d{3})(\d{11})(\d)$/, "$1 $2 $3 $4");
    case "card":
      return `•••• ${identifier.value.slice(-4)}`;
    default:
      return identifier.value;
  }
}
