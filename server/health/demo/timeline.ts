/**
 * Where the demo user is and what their clocks say: the home zone (with its DST switches), one trip
 * to a far-away zone, and ISO timestamps carrying the local offset of the moment, as a wearable
 * reports them.
 */
import { addDays, zoneOffsetMinutes } from "@/server/health/local-date";
import type { Rng } from "./prng";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** The instant at which a wall clock in `timeZone` shows `date` + `minutesAfterMidnight` (may exceed 1440). */
export function instantAtLocal(date: string, minutesAfterMidnight: number, timeZone: string): Date {
  const wallMs = Date.parse(`${date}T00:00:00Z`) + Math.round(minutesAfterMidnight * MINUTE_MS);
  const firstGuess = wallMs - zoneOffsetMinutes(new Date(wallMs), timeZone) * MINUTE_MS;
  return new Date(wallMs - zoneOffsetMinutes(new Date(firstGuess), timeZone) * MINUTE_MS);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2024-03-31T06:45:00+02:00`: the wall time at the given offset, whole seconds. */
export function formatAtOffset(instant: Date, offsetMinutes: number): string {
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface Trip {
  timeZone: string;
  /** Local date the user flies out (home zone) and back (trip zone). */
  departDate: string;
  returnDate: string;
  /** The device switches zone when the plane lands. */
  outboundArrival: Date;
  returnArrival: Date;
  /** Home offset minus trip offset at departure, in hours (positive: the trip zone is behind). */
  hoursBehindHome: number;
}

export interface TripOptions {
  /** Day index (0-based from startDate) of the outbound flight. */
  startDayIndex?: number;
  nights?: number;
  timeZone?: string;
}

const TRIP_CANDIDATES = [
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Dubai",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];
const DEPARTURE_LOCAL_MINUTES = 11 * 60;

function flightHours(hoursApart: number): number {
  return Math.min(14, Math.max(2, Math.abs(hoursApart) * 1.2 + 1.5));
}

/** Mid-range, and away from the home zone's DST switches so the switch night is spent at home. */
function pickTripStart(rng: Rng, startDate: string, days: number, nights: number, homeTimeZone: string): number {
  const offsetOn = (index: number) => zoneOffsetMinutes(instantAtLocal(addDays(startDate, index), 12 * 60, homeTimeZone), homeTimeZone);
  let candidate = Math.floor(days * rng.uniform(0.35, 0.55));
  for (let attempt = 0; attempt < 20; attempt++) {
    if (offsetOn(candidate - 3) === offsetOn(candidate + nights + 3)) return candidate;
    candidate = Math.floor(days * rng.uniform(0.25, 0.7));
  }
  return candidate;
}

/** A trip of `nights` nights to a zone 5–9 hours away from home (or as near to 7 as there is), or null when the range is too short. */
export function planTrip(rng: Rng, startDate: string, days: number, homeTimeZone: string, options: TripOptions = {}): Trip | null {
  const nights = options.nights ?? 7;
  if (days < nights + 7 && options.startDayIndex === undefined) return null;
  const startIndex = options.startDayIndex ?? pickTripStart(rng, startDate, days, nights, homeTimeZone);
  const departDate = addDays(startDate, startIndex);
  const returnDate = addDays(departDate, nights);
  const departure = instantAtLocal(departDate, DEPARTURE_LOCAL_MINUTES, homeTimeZone);
  const homeOffset = zoneOffsetMinutes(departure, homeTimeZone);
  const apart = (zone: string) => (homeOffset - zoneOffsetMinutes(departure, zone)) / 60;
  let timeZone = options.timeZone;
  if (!timeZone) {
    const suitable = TRIP_CANDIDATES.filter((zone) => Math.abs(apart(zone)) >= 5 && Math.abs(apart(zone)) <= 9);
    const nearestToSeven = [...TRIP_CANDIDATES].sort((a, b) => Math.abs(Math.abs(apart(a)) - 7) - Math.abs(Math.abs(apart(b)) - 7))[0]!;
    timeZone = suitable.length > 0 ? rng.pick(suitable) : nearestToSeven;
  }
  const hoursBehindHome = apart(timeZone);
  const flight = flightHours(hoursBehindHome) * HOUR_MS;
  const returnDeparture = instantAtLocal(returnDate, DEPARTURE_LOCAL_MINUTES, timeZone);
  return {
    timeZone,
    departDate,
    returnDate,
    outboundArrival: new Date(departure.getTime() + flight),
    returnArrival: new Date(returnDeparture.getTime() + flight),
    hoursBehindHome,
  };
}

/** Which zone the user's devices are set to at any instant. */
export class ZonePlan {
  constructor(
    readonly homeTimeZone: string,
    readonly trip: Trip | null,
  ) {}

  zoneAt(instant: Date): string {
    const t = instant.getTime();
    if (this.trip && t >= this.trip.outboundArrival.getTime() && t < this.trip.returnArrival.getTime()) return this.trip.timeZone;
    return this.homeTimeZone;
  }

  offsetAt(instant: Date): number {
    return zoneOffsetMinutes(instant, this.zoneAt(instant));
  }

  /** ISO timestamp with the offset the user's clock showed at that instant. */
  format(instant: Date): string {
    return formatAtOffset(instant, this.offsetAt(instant));
  }

  /** ISO timestamp at the offset a given zone has at that instant (a day's midnights stay in the day's zone). */
  formatIn(instant: Date, timeZone: string): string {
    return formatAtOffset(instant, zoneOffsetMinutes(instant, timeZone));
  }

  /** The zone of the bed the user sleeps in on the night that ends on the morning of `date`. */
  zoneForNightEnding(date: string): string {
    if (this.trip && date > this.trip.departDate && date <= this.trip.returnDate) return this.trip.timeZone;
    return this.homeTimeZone;
  }

  /** The zone the user spends the local date in: where they are at its local noon-ish. */
  zoneForDate(date: string): string {
    const homeNoon = instantAtLocal(date, 13 * 60, this.homeTimeZone);
    const zone = this.zoneAt(homeNoon);
    return this.zoneAt(instantAtLocal(date, 13 * 60, zone));
  }

  /**
   * Body-clock lag (hours) for the night ending on `date`: after flying west the body wants to sleep
   * earlier (positive), after flying east later (negative); it fades over about four nights.
   */
  jetLagHours(date: string): number {
    if (!this.trip) return 0;
    const fade = [0.5, 0.3, 0.15, 0.05];
    const afterOutbound = daysBetween(this.trip.departDate, date) - 1;
    const afterReturn = daysBetween(this.trip.returnDate, date) - 1;
    if (afterReturn >= 0 && afterReturn < fade.length) return -this.trip.hoursBehindHome * fade[afterReturn]!;
    if (afterOutbound >= 0 && afterOutbound < fade.length && date <= this.trip.returnDate) return this.trip.hoursBehindHome * fade[afterOutbound]!;
    return 0;
  }

  isTravelDate(date: string): boolean {
    return this.trip !== null && (date === this.trip.departDate || date === this.trip.returnDate);
  }

  isAway(date: string): boolean {
    return this.trip !== null && date > this.trip.departDate && date < this.trip.returnDate;
  }
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
