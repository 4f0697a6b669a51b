import { describe, expect, it } from "vitest";
import { dayIn, formatDay, parseDay, tripDatesProblem, tripStatus, tripWindow, warningRunAt, zonedInstant } from "./trip-dates";

const day = (value: string) => parseDay(value)!;
const trip = (startsOn: string, endsOn: string, timeZone = "America/Cancun") => ({
  startsOn: day(startsOn),
  endsOn: day(endsOn),
  timeZone,
  ...tripWindow({ startsOn: day(startsOn), endsOn: day(endsOn), timeZone }),
});

describe("trip dates", () => {
  it("reads only real days", () => {
    expect(parseDay("2027-02-28")?.toISOString()).toBe("2027-02-28T00:00:00.000Z");
    for (const bad of ["2027-02-30", "2027-13-01", "27-02-01", "2027-2-1", "", "2027-02-28T10:00"]) expect(parseDay(bad)).toBeNull();
  });

  it("runs from the first instant of the first day to the first instant after the last, at the destination", () => {
    // Cancún is UTC-5 all year; Mexico City UTC-6.
    const cancun = trip("2027-03-10", "2027-03-14");
    expect(cancun.startsAt.toISOString()).toBe("2027-03-10T05:00:00.000Z");
    expect(cancun.endsAt.toISOString()).toBe("2027-03-15T05:00:00.000Z");
    expect(zonedInstant(day("2027-03-10"), "America/Mexico_City").toISOString()).toBe("2027-03-10T06:00:00.000Z");
  });

  it("follows daylight saving time changes at the destination", () => {
    // New York springs forward on 14 March 2027: midnight before it is UTC-5, after it UTC-4.
    const newYork = trip("2027-03-13", "2027-03-14", "America/New_York");
    expect(newYork.startsAt.toISOString()).toBe("2027-03-13T05:00:00.000Z");
    expect(newYork.endsAt.toISOString()).toBe("2027-03-15T04:00:00.000Z");
  });

  it("is upcoming, active on its first and last day, then past", () => {
    const cancun = trip("2027-03-10", "2027-03-14");
    expect(tripStatus(cancun, new Date("2027-03-10T04:59:59Z"))).toBe("upcoming");
    expect(tripStatus(cancun, new Date("2027-03-10T05:00:00Z"))).toBe("active");
    expect(tripStatus(cancun, new Date("2027-03-15T04:59:59Z"))).toBe("active");
    expect(tripStatus(cancun, new Date("2027-03-15T05:00:00Z"))).toBe("past");
  });

  it("warns the evening before the trip, at once when that has passed, never after it", () => {
    const cancun = trip("2027-03-10", "2027-03-14");
    expect(warningRunAt(cancun, new Date("2027-01-01T00:00:00Z"))?.toISOString()).toBe("2027-03-09T23:00:00.000Z");
    const late = new Date("2027-03-12T12:00:00Z");
    expect(warningRunAt(cancun, late)).toEqual(late);
    expect(warningRunAt(cancun, new Date("2027-03-15T05:00:00Z"))).toBeNull();
  });

  it("knows which day it is at the destination", () => {
    expect(formatDay(dayIn("America/Tijuana", new Date("2027-03-10T06:00:00Z")))).toBe("2027-03-09");
    expect(formatDay(dayIn("Europe/Madrid", new Date("2027-03-10T23:30:00Z")))).toBe("2027-03-11");
  });

  it("refuses impossible, reversed, endless, finished and far-off trips, on the right field", () => {
    const now = new Date("2027-03-01T18:00:00Z");
    const check = (startsOn: string, endsOn: string) => tripDatesProblem({ startsOn, endsOn, timeZone: "America/Cancun" }, now);
    expect(check("2027-03-10", "2027-03-14")).toBeNull();
    expect(check("2027-03-10", "2027-03-10")).toBeNull();
    expect(check("2027-02-20", "2027-03-01")).toBeNull(); // under way: entered from the hotel
    expect(check("2027-02-31", "2027-03-14")).toEqual({ field: "startsOn", problem: "trip.dateInvalid" });
    expect(check("2027-03-10", "")).toEqual({ field: "endsOn", problem: "trip.dateInvalid" });
    expect(check("2027-03-10", "2027-03-09")).toEqual({ field: "endsOn", problem: "trip.endBeforeStart" });
    expect(check("2027-03-10", "2027-12-31")).toEqual({ field: "endsOn", problem: "trip.tooLong" });
    expect(check("2027-02-20", "2027-02-28")).toEqual({ field: "endsOn", problem: "trip.alreadyOver" });
    expect(check("2031-03-10", "2031-03-14")).toEqual({ field: "startsOn", problem: "trip.tooFar" });
  });
});
