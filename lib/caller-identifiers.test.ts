import { describe, expect, it } from "vitest";
import {
  clabeBank,
  clabeCheckDigit,
  displayIdentifier,
  isValidClabe,
  isValidLuhn,
  normalizeCallerNumber,
  normalizeCryptoAddress,
  normalizePaymentIdentifier,
  numberFacts,
} from "./caller-identifiers";

describe("caller numbers", () => {
  it("reads numbers the way people type them", () => {
    expect(normalizeCallerNumber("55 1234 5678", "MX")).toEqual({ ok: true, identifier: { kind: "phone", value: "+525512345678" } });
    expect(normalizeCallerNumber("+52 1 55 1234 5678", "MX")).toEqual({ ok: true, identifier: { kind: "phone", value: "+525512345678" } });
    expect(normalizeCallerNumber("(415) 555-0134", "MX")).toEqual({ ok: true, identifier: { kind: "phone", value: "+14155550134" } });
    // Valid in both countries and written neither way: the family's own country.
    expect(normalizeCallerNumber("5512345678", "MX")).toMatchObject({ ok: true, identifier: { value: "+525512345678" } });
  });

  it("says what is wrong with what is not a number", () => {
    expect(normalizeCallerNumber("", "MX")).toEqual({ ok: false, error: "phone.required" });
    expect(normalizeCallerNumber("call me", "MX")).toEqual({ ok: false, error: "phone.notANumber" });
    expect(normalizeCallerNumber("55 12", "MX")).toMatchObject({ ok: false });
  });

  it("knows a number's country, area and line from its metadata", () => {
    expect(numberFacts("+525512345678")).toMatchObject({ country: "MX", area: "55", areaName: "Ciudad de México" });
    expect(numberFacts("+529981234567")).toMatchObject({ country: "MX", area: "998", areaName: "Cancún" });
    expect(numberFacts("+14155550134")).toMatchObject({ country: "US", area: "415", areaName: null });
    expect(numberFacts("nonsense")).toEqual({ country: null, area: null, areaName: null, line: null });
  });
});

describe("CLABE", () => {
  it("checks the control digit with weights 3, 7, 1", () => {
    expect(clabeCheckDigit("03218000011835971")).toBe(9);
    expect(isValidClabe("032180000118359719")).toBe(true);
    expect(isValidClabe("032180000118359718")).toBe(false);
    expect(isValidClabe("03218000011835971")).toBe(false);
    expect(clabeBank("012180000118359712")).toBe("BBVA México");
  });

  it("accepts spaces and dashes and says which rule failed", () => {
    expect(normalizePaymentIdentifier("032 180 00011835971 9", "clabe")).toEqual({
      ok: true,
      identifier: { kind: "clabe", value: "032180000118359719" },
    });
    expect(normalizePaymentIdentifier("032180000118359718", "auto")).toEqual({ ok: false, error: "clabe.checkDigit" });
    expect(normalizePaymentIdentifier("1234", "clabe")).toEqual({ ok: false, error: "clabe.length" });
  });
});

describe("cards (Luhn)", () => {
  it("validates the check digit", () => {
    expect(isValidLuhn("4111111111111111")).toBe(true);
    expect(isValidLuhn("4111111111111112")).toBe(false);
    expect(isValidLuhn("41111")).toBe(false);
    expect(normalizePaymentIdentifier("4111 1111 1111 1111", "auto")).toEqual({
      ok: true,
      identifier: { kind: "card", value: "4111111111111111" },
    });
    expect(normalizePaymentIdentifier("4111 1111 1111 1112", "auto")).toEqual({ ok: false, error: "card.checkDigit" });
    expect(normalizePaymentIdentifier("4111 1111 1111 1112", "card")).toEqual({ ok: false, error: "card.checkDigit" });
  });

  it("shows only the last four digits", () => {
    expect(displayIdentifier({ kind: "card", value: "4111111111111111" })).toBe("•••• 1111");
  });
});

describe("store references and crypto addresses", () => {
  it("takes references as letters and digits", () => {
    expect(normalizePaymentIdentifier("9300-1234-5678", "auto")).toEqual({
      ok: true,
      identifier: { kind: "store_reference", value: "930012345678" },
    });
    expect(normalizePaymentIdentifier("abc", "store_reference")).toEqual({ ok: false, error: "storeReference.invalid" });
    expect(normalizePaymentIdentifier("¿?", "auto")).toEqual({ ok: false, error: "identifier.unrecognized" });
    expect(normalizePaymentIdentifier("  ", "auto")).toEqual({ ok: false, error: "identifier.required" });
  });

  it("checks crypto addresses, with their checksums where they have one", () => {
    expect(normalizeCryptoAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).toBe("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    expect(normalizeCryptoAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).toBeNull();
    expect(normalizeCryptoAddress("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).toBe("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy");
    expect(normalizeCryptoAddress("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).toBe("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    expect(normalizeCryptoAddress("0xdAC17F958D2ee523a2206206994597C13D831ec7")).toBe("0xdac17f958d2ee523a2206206994597c13d831ec7");
    expect(normalizeCryptoAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).toBe("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    expect(normalizePaymentIdentifier("0xdAC17F958D2ee523a2206206994597C13D831ec7", "auto")).toMatchObject({
      ok: true,
      identifier: { kind: "crypto" },
    });
    expect(normalizePaymentIdentifier("0x12", "crypto")).toEqual({ ok: false, error: "crypto.invalid" });
  });
});
