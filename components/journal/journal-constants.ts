import { JOURNAL_RATING } from "@/server/health/journal/limits";

/* Pure values the journal's client components share (no server code). */

export const RATING_MIN = JOURNAL_RATING.min;
export const RATING_MAX = JOURNAL_RATING.max;
/** Where an unrated slider's thumb waits. */
export const RATING_START = 5;
export const LIST_PAGE_SIZE = 20;
export const JOURNAL_VIEWS = ["entry", "calendar", "list", "tags"] as const;
export type JournalView = (typeof JOURNAL_VIEWS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the address (`?date=`), when it is a real calendar date. */
export function dateFrom(value: string | string[] | undefined): string | null {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
}

export function viewFrom(value: string | string[] | undefined): JournalView {
  return JOURNAL_VIEWS.find((v) => v === value) ?? "entry";
}

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Monday, 2 March 2026". */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "Mon 2 Mar". */
export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** A colour band for a 1–10 mood: low, middling, good. */
export function moodTone(mood: number | null): "none" | "low" | "mid" | "good" {
  if (mood === null) return "none";
  return mood <= 3 ? "low" : mood <= 6 ? "mid" : "good";
}
