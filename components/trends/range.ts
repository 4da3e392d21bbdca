import { addDays } from "@/server/health/local-date";

/* Ranges of local days the body pages show (pure; shared by the server page and its client parts). */

export interface DayRange {
  from: string;
  to: string;
}

/** The `days` days ending with `today` (inclusive). */
export function rangeEnding(today: string, days: number): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** A search parameter as one of the allowed day counts, or the fallback. */
export function parseDays<T extends number>(value: string | string[] | undefined, allowed: readonly T[], fallback: T): T {
  const n = Number(typeof value === "string" ? value : undefined);
  return allowed.find((d) => d === n) ?? fallback;
}

/** A search parameter as a calendar day (YYYY-MM-DD) no later than `today`, or null. */
export function parseDay(value: string | string[] | undefined, today: string): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value || value > today || value < "1900-01-01") return null;
  return value;
}
