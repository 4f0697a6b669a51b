import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone, typedStyle } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["55 1234 5678", "MX", "+525512345678"],
    ["(55) 1234-5678", "MX", "+525512345678"],
    ["+52 1 55 1234 5678", "MX", "+525512345678"],
    ["+52 33 1234 5678", "US", "+523312345678"],
    ["(415) 555-2671", "US", "+14155552671"],
    // Valid in both countries but written the family's country's way: no question asked.
    ["55 1234 5678", "MX", "+525512345678"],
    ["(415) 555-2671", "US", "+14155552671"],
    // Not a Mexican number, so read as a US one.
    ["212 555 0142", "MX", "+12125550142"],
    ["+1 212-555-0142", "MX", "+12125550142"],
  ] as const)("reads %s with default %s as %s", (input, country, e164) => {
    expect(normalizePhone(input, { country, purpose: "sms" })).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ["", "phone.required"],
    ["   ", "phone.required"],
    ["call me", "phone.notANumber"],
    ["55 1234", "phone.tooShort"],
    ["55 1234 5678 9999 12", "phone.tooLong"],
    ["+1 800 555 0199", "phone.notMobile"],
    ["+52 800 123 4567", "phone.notMobile"],
  ] as const)("refuses %j with %s", (input, error) => {
    expect(normalizePhone(input, { country: "MX", purpose: "sms" })).toEqual({ ok: false, error });
  });

  it("accepts a US landline for voice calls but not for SMS", () => {
    expect(normalizePhone("+1 800 555 0199", { country: "US", purpose: "voice" })).toEqual({ ok: false, error: "phone.notPersonal" });
    expect(normalizePhone("+44 20 7946 0958", { country: "MX", purpose: "voice" })).toMatchObject({ ok: true, e164: "+442079460958" });
    expect(normalizePhone("+44 20 7946 0958", { country: "MX", purpose: "sms" })).toEqual({ ok: false, error: "phone.notMobile" });
  });
});

describe("a number that reads two ways", () => {
  const both = (mx: string, us: string) => [
    { e164: mx, country: "MX" },
    { e164: us, country: "US" },
  ];

  it.each([
    // US-style parentheses and dashes in a Mexican family: +52 415 555 0134 is a valid Mexican number too.
    ["(415) 555-0134", "+524155550134", "+14155550134"],
    ["415-555-0134", "+524155550134", "+14155550134"],
    ["415.555.0134", "+524155550134", "+14155550134"],
    // No telling style, valid in both.
    ["415 555 0134", "+524155550134", "+14155550134"],
    ["4155550134", "+524155550134", "+14155550134"],
    ["5512345678", "+525512345678", "+15512345678"],
  ])("asks which one %s is in a Mexican family, the family's reading first", (input, mx, us) => {
    expect(normalizePhone(input, { country: "MX", purpose: "sms" })).toEqual({
      ok: false,
      error: "phone.ambiguous",
      readings: both(mx, us),
    });
  });

  it("asks in a US family about a number written the Mexican way, the US reading first", () => {
    expect(normalizePhone("55 1234 5678", { country: "US", purpose: "sms" })).toEqual({
      ok: false,
      error: "phone.ambiguous",
      readings: [
        { e164: "+15512345678", country: "US" },
        { e164: "+525512345678", country: "MX" },
      ],
    });
  });

  it("takes the reading chosen, either one", () => {
    expect(normalizePhone("(415) 555-0134", { country: "MX", purpose: "sms", choice: "+14155550134" })).toEqual({
      ok: true,
      e164: "+14155550134",
      country: "US",
    });
    expect(normalizePhone("(415) 555-0134", { country: "MX", purpose: "sms", choice: "+524155550134" })).toEqual({
      ok: true,
      e164: "+524155550134",
      country: "MX",
    });
  });

  it("ignores a choice that is not a reading of what was typed (the number was edited since)", () => {
    expect(normalizePhone("(415) 555-0134", { country: "MX", purpose: "sms", choice: "+12125550142" })).toMatchObject({
      ok: false,
      error: "phone.ambiguous",
    });
    expect(normalizePhone("55 8888 7777", { country: "MX", purpose: "sms", choice: "+14155550134" })).toEqual({
      ok: true,
      e164: "+525588887777",
      country: "MX",
    });
  });

  it("never asks about a number written with its country code, or valid in one country only", () => {
    expect(normalizePhone("+1 (415) 555-0134", { country: "MX", purpose: "sms" })).toEqual({
      ok: true,
      e164: "+14155550134",
      country: "US",
    });
    expect(normalizePhone("+52 415 555 0134", { country: "US", purpose: "sms" })).toEqual({
      ok: true,
      e164: "+524155550134",
      country: "MX",
    });
    expect(normalizePhone("(212) 555-0142", { country: "MX", purpose: "sms" })).toEqual({ ok: true, e164: "+12125550142", country: "US" });
  });
});

describe("typedStyle", () => {
  it.each([
    ["55 1234 5678", "MX"],
    ["(55) 1234-5678", "MX"],
    ["33-1234-5678", "MX"],
    ["(415) 555-0134", "US"],
    ["(415)555-0134", "US"],
    ["415-555-0134", "US"],
    ["1 (415) 555-0134", "US"],
    ["415.555.0134", "US"],
    ["415 555 0134", null],
    ["4155550134", null],
    ["+52 55 1234 5678", null],
  ] as const)("%s is written the %s way", (input, style) => {
    expect(typedStyle(input)).toBe(style);
  });
});

describe("formatPhone", () => {
  it("shows E.164 numbers in international format", () => {
    expect(formatPhone("+525512345678")).toBe("+52 55 1234 5678");
    expect(formatPhone("+14155552671")).toBe("+1 415 555 2671");
  });
});
