import { zoneOffsetMinutes } from "../../local-date";

const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Minutes east of UTC of an offset written `+hh:mm`, `-hhmm`, `+hh` or `Z`; null when unreadable. */
export function parseOffsetMinutes(offset: string | null | undefined): number | null {
  if (!offset) return null;
  if (offset === "Z" || offset === "z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset.trim());
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? "0");
  if (hours > 18 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return match[1] === "-" ? -total : total;
}

/** The UTC offset written at the end of an ISO 8601 timestamp; null when it has none. */
export function offsetOfIso(timestamp: string): number | null {
  const match = OFFSET_PATTERN.exec(timestamp.trim());
  return match ? parseOffsetMinutes(match[1]) : null;
}

/** Parses an ISO 8601 instant; null when it is not one or carries no offset (an ambiguous local time). */
export function parseInstant(timestamp: string): Date | null {
  if (offsetOfIso(timestamp) === null) return null;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function fromEpochSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

/**
 * Reads a webhook timestamp header: Unix seconds, Unix milliseconds (WHOOP) or ISO 8601.
 * Values above 10^11 cannot be seconds in any realistic year, so they are taken as milliseconds.
 */
export function parseTimestampHeader(value: string | null): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return new Date(n > 1e11 ? n : n * 1000);
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export const REPLAY_WINDOW_MS = 5 * 60_000;

/** True when a signed timestamp is within the replay window of now (either side, for clock skew). */
export function isFresh(signedAt: Date, now: Date, windowMs = REPLAY_WINDOW_MS): boolean {
  return Math.abs(now.getTime() - signedAt.getTime()) <= windowMs;
}

/**
 * A wall-clock time without offset (Fitbit's `2024-03-10T23:41:30.000`) read in an IANA zone.
 * Two passes settle the offset across a DST change; null when the text is no such time.
 */
export function wallTimeToInstant(wallTime: string, timeZone: string): { instant: Date; offsetMinutes: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(wallTime.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0")));
  if (Number.isNaN(asUtc)) return null;
  let offset = zoneOffsetMinutes(new Date(asUtc), timeZone);
  offset = zoneOffsetMinutes(new Date(asUtc - offset * 60_000), timeZone);
  return { instant: new Date(asUtc - offset * 60_000), offsetMinutes: offset };
}

/** YYYY-MM-DD of a Date in UTC (for provider query parameters that take calendar dates). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDaysUtc(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
