import { addDays, dateRange, localDate } from "../local-date";

/*
 * ISO weeks of local dates: Monday to Sunday, numbered by the year their Thursday falls in. Daily
 * summaries are keyed by the user's local date already, so a week is seven of those dates and a
 * Sunday 23:30 in the user's zone belongs to the week of that Sunday.
 */

const DAY_MS = 86_400_000;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** 0 for Monday … 6 for Sunday. */
const weekdayOf = (day: string) => (new Date(dayMs(day)).getUTCDay() + 6) % 7;

/** The Monday of the ISO week `day` is in. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/** "2026-W48" for the week starting on `weekStart` (a Monday). */
export function weekLabel(weekStart: string): string {
  const thursday = new Date(dayMs(weekStart) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of an ISO week label (checked by the isoWeek input), e.g. 2026-W48 → 2026-11-23. */
export function weekStartOf(label: string): string {
  const year = Number(label.slice(0, 4));
  const week = Number(label.slice(6));
  const jan4 = new Date(Date.UTC(year, 0, 4)).toISOString().slice(0, 10);
  return addDays(mondayOf(jan4), (week - 1) * 7);
}

export function weekEndOf(weekStart: string): string {
  return addDays(weekStart, 6);
}

export function weekDays(weekStart: string): string[] {
  return dateRange(weekStart, weekEndOf(weekStart));
}

/** The user's local date at `now`. */
export function todayIn(now: Date, timeZone: string): string {
  return localDate(now, null, timeZone);
}

/** The Monday of the last week that has ended by `today` (the week before today's). */
export function lastCompleteWeekStart(today: string): string {
  return addDays(mondayOf(today), -7);
}

/** Whether every day of the week is over on `today`. */
export function isCompleteWeek(weekStart: string, today: string): boolean {
  return weekEndOf(weekStart) < today;
}
