import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["55 1234 5678", "MX", "+525512345678"],
    ["(55) 1234-5678", "MX", "+525512345678"],
    ["+52 1 55 1234 5678", "MX", "+525512345678"],
    ["+52 33 1234 5678", "US", "+523312345678"],
    ["(415) 555-2671", "US", "+14155552671"],
    // Valid in both countries: the family's country wins.
    ["415 555 2671", "MX", "+524155552671"],
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

describe("formatPhone", () => {
  it("shows E.164 numbers in international format", () => {
    expect(formatPhone("+525512345678")).toBe("+52 55 1234 5678");
    expect(formatPhone("+14155552671")).toBe("+1 415 555 2671");
  });
});
