import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { companionSchema, exposureSchema, tripSchema } from "./travel";

const today = new Date().toISOString().slice(0, 10);
const form = (overrides: Record<string, unknown> = {}) => ({
  tripKey: randomUUID(),
  destination: " Cancún ",
  startsOn: today,
  endsOn: today,
  timeZone: "America/Cancun",
  deskLocale: "es",
  ...overrides,
});
const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("trip form", () => {
  it("accepts a trip with no hotel yet, trimmed, with an empty desk number", () => {
    const parsed = tripSchema.parse(form());
    expect(parsed).toMatchObject({ destination: "Cancún", hotelName: "", phone: "" });
  });

  it("names each problem on its field, in message keys", () => {
    expect(errors(tripSchema.safeParse(form({ destination: "", timeZone: "Mars/Olympus", deskLocale: "fr", tripKey: "x" })))).toEqual({
      destination: "trip.destinationRequired",
      timeZone: "trip.timeZoneInvalid",
      deskLocale: "locale.invalid",
      tripKey: "trip.formExpired",
    });
    expect(errors(tripSchema.safeParse(form({ startsOn: "", endsOn: "2027-02-30" })))).toEqual({
      startsOn: "trip.dateRequired",
      endsOn: "trip.dateInvalid",
    });
    expect(errors(tripSchema.safeParse(form({ endsOn: "1999-01-01" })))).toEqual({ endsOn: "trip.endBeforeStart" });
    expect(errors(tripSchema.safeParse(form({ hotelName: "h".repeat(81), phone: "1".repeat(41) })))).toEqual({
      hotelName: "trip.hotelTooLong",
      phone: "phone.tooLong",
    });
  });

  it("survives hostile input without throwing", () => {
    for (const value of [null, 42, ["a"], { $gt: "" }, "\u0000", "Mars/Olympus"]) {
      expect(() => tripSchema.safeParse(form({ startsOn: value, destination: value }))).not.toThrow();
      expect(tripSchema.safeParse(form({ timeZone: value })).success).toBe(false);
    }
  });
});

describe("companion and exposure forms", () => {
  it("need a name, a number and a language", () => {
    expect(errors(companionSchema.safeParse({ name: " ", phone: "55", locale: "es" }))).toEqual({ name: "contactName.required" });
  });

  it("need every answer, and only yes, no or not sure", () => {
    expect(
      exposureSchema.safeParse({ profilesPublic: "yes", phoneVisible: "no", tripsPostedLive: "unsure", placesPublic: "no" }).success,
    ).toBe(true);
    expect(errors(exposureSchema.safeParse({ profilesPublic: "maybe", phoneVisible: "no", tripsPostedLive: "unsure" }))).toEqual({
      profilesPublic: "exposure.answerRequired",
      placesPublic: "exposure.answerRequired",
    });
  });
});
