import { dateAtOffset, zoneOffsetMinutes } from "@/server/health/local-date";

/*
 * The user's wall clock. Every schedule and quiet hour is a local "HH:MM" in the profile's time
 * zone, so DST changes move them with the user: 08:00 stays 08:00 in summer and winter.
 */

const MINUTES_A_DAY = 24 * 60;

/** "HH:MM" → minutes after local midnight. */
export function minutesOf(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new Error(`not a clock time: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export interface LocalClock {
  /** YYYY-MM-DD */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

export function localClock(at: Date, timeZone: string): LocalClock {
  const offset = zoneOffsetMinutes(at, timeZone);
  const localMs = at.getTime() + offset * 60_000;
  const date = dateAtOffset(at, offset);
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const minutes = Math.floor((((localMs / 60_000) % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY);
  return { date, weekday, minutes };
}

/**
 * The local day of the send time that the hourly slot starting at `slot` serves, or null when it
 * serves none: the slot's local time is in [time, time + 1 h), past midnight too. Each day has
 * exactly one such slot, also in zones with half-hour offsets; on a spring-forward day a time that
 * does not exist falls to the first slot after it, and on a fall-back day a time seen twice may
 * match twice (the dedupe key per local day keeps it one).
 */
export function sendTimeAt(slot: Date, time: string, timeZone: string): LocalClock | null {
  const since = (localClock(slot, timeZone).minutes - minutesOf(time) + MINUTES_A_DAY) % MINUTES_A_DAY;
  if (since >= 60) return null;
  return localClock(new Date(slot.getTime() - since * 60_000), timeZone);
}

export const isSendSlot = (slot: Date, time: string, timeZone: string): boolean => sendTimeAt(slot, time, timeZone) !== null;

export interface QuietHours {
  start: string;
  end: string;
}

/** Whether `at` falls in the quiet hours [start, end) in `timeZone`; an end before the start wraps past midnight. */
export function inQuietHours(quiet: QuietHours | null, at: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const now = localClock(at, timeZone).minutes;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}
