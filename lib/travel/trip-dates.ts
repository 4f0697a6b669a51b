// A trip's dates are days at the destination. Its contacts count as tier 1 from the first
// instant of its first day to the first instant after its last day, in the destination's time
// zone; the traveller's warning goes out the evening before it starts (decision 016).

/** Time zones a trip can be in: Mexico's, the United States' and a few common destinations. */
export const tripTimeZones = [
  "America/Mexico_City",
  "America/Cancun",
  "America/Mazatlan",
  "America/Hermosillo",
  "America/Tijuana",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Bogota",
  "Europe/Madrid",
] as const;
export type TripTimeZone = (typeof tripTimeZones)[number];

export const defaultTripTimeZone: Record<"MX" | "US", TripTimeZone> = { MX: "America/Mexico_City", US: "America/Chicago" };

/** Where a trip stands at a moment. */
export type TripStatus = "upcoming" | "active" | "past";

/** Longest trip, and how far ahead one can be planned. */
export const MAX_TRIP_DAYS = 180;
export const MAX_DAYS_AHEAD = 2 * 366;
/** The warning is queued at this hour (destination time) on the day before the trip. */
export const WARNING_HOUR = 18;

export type TripDateProblem = "trip.dateInvalid" | "trip.endBeforeStart" | "trip.tooLong" | "trip.tooFar" | "trip.alreadyOver";

const DAY_MS = 24 * 3600_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A "YYYY-MM-DD" that names a real day, as its UTC midnight; null otherwise. */
export function parseDay(value: string): Date | null {
  const match = isoDate.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export const formatDay = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which `day` (a UTC-midnight date) reaches `hour`:00 on the wall clocks of `timeZone`. */
export function zonedInstant(day: Date, timeZone: string, hour = 0): Date {
  const wall = day.getTime() + hour * 3600_000;
  const first = wall - offsetMs(timeZone, new Date(wall));
  // Around a clock change the offset at the guess differs from the offset at the answer.
  const second = wall - offsetMs(timeZone, new Date(first));
  return new Date(second);
}

/** The day it is in `timeZone` at `at`, as its UTC midnight. */
export function dayIn(timeZone: string, at: Date): Date {
  return new Date(Math.floor((at.getTime() + offsetMs(timeZone, at)) / DAY_MS) * DAY_MS);
}

/** From the first instant of the first day to the first instant after the last one. */
export function tripWindow(trip: { startsOn: Date; endsOn: Date; timeZone: string }): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedInstant(trip.startsOn, trip.timeZone), endsAt: zonedInstant(addDays(trip.endsOn, 1), trip.timeZone) };
}

export function tripStatus(trip: { startsAt: Date; endsAt: Date }, now: Date): TripStatus {
  if (now.getTime() >= trip.endsAt.getTime()) return "past";
  return now.getTime() >= trip.startsAt.getTime() ? "active" : "upcoming";
}

/**
 * When the traveller's warning goes: at WARNING_HOUR the day before the trip, destination time;
 * at once when that moment has passed; null when the trip is already over.
 */
export function warningRunAt(trip: { startsOn: Date; timeZone: string; endsAt: Date }, now: Date): Date | null {
  if (now.getTime() >= trip.endsAt.getTime()) return null;
  const planned = zonedInstant(addDays(trip.startsOn, -1), trip.timeZone, WARNING_HOUR);
  return planned.getTime() > now.getTime() ? planned : now;
}

/**
 * What is wrong with a trip's dates, on which field, or null. A trip may have started already
 * (it is entered from the hotel) but not be over; it is not absurdly long or far ahead.
 */
export function tripDatesProblem(
  dates: { startsOn: string; endsOn: string; timeZone: string },
  now: Date,
): { field: "startsOn" | "endsOn"; problem: TripDateProblem } | null {
  const startsOn = parseDay(dates.startsOn);
  if (!startsOn) return { field: "startsOn", problem: "trip.dateInvalid" };
  const endsOn = parseDay(dates.endsOn);
  if (!endsOn) return { field: "endsOn", problem: "trip.dateInvalid" };
  if (endsOn < startsOn) return { field: "endsOn", problem: "trip.endBeforeStart" };
  if ((endsOn.getTime() - startsOn.getTime()) / DAY_MS + 1 > MAX_TRIP_DAYS) return { field: "endsOn", problem: "trip.tooLong" };
  const today = dayIn(dates.timeZone, now);
  if (endsOn < today) return { field: "endsOn", problem: "trip.alreadyOver" };
  if (startsOn > addDays(today, MAX_DAYS_AHEAD)) return { field: "startsOn", problem: "trip.tooFar" };
  return null;
}
