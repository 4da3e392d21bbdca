import { MIN_BASELINE_DAYS } from "@/server/health/analytics/energy-score/baselines";
import type { Contributor, ScoreStatus } from "@/server/health/analytics/types";

/** Days of data before the first score (the energy score's calibration: its baselines need them). */
export const CALIBRATION_DAYS = MIN_BASELINE_DAYS;

/** Share of calibration done, 0–1, from the days still needed. */
export function calibrationProgress(daysLeft: number): number {
  return Math.max(0, Math.min(1, (CALIBRATION_DAYS - daysLeft) / CALIBRATION_DAYS));
}

/** The ring's colour per status (text-colour classes; the arc is drawn in currentColor). */
export const STATUS_TONE: Record<ScoreStatus, string> = {
  peak: "text-brand-600 dark:text-brand-400",
  good: "text-brand-500 dark:text-brand-300",
  fair: "text-amber-500 dark:text-amber-400",
  low: "text-red-500 dark:text-red-400",
};

/** Contributors with data first, the biggest movers (either way) first; those missing today last. */
export function sortedContributors(contributors: readonly Contributor[]): Contributor[] {
  return [...contributors].sort((a, b) => Number(a.value === null) - Number(b.value === null) || Math.abs(b.points) - Math.abs(a.points));
}

/** The 7 days ending today, each with its score or null (missing rows included as null). */
export function weekOf<T extends { localDate: string }>(today: string, rows: readonly T[], days = 7): { date: string; row: T | null }[] {
  const byDate = new Map(rows.map((row) => [row.localDate, row]));
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return { date, row: byDate.get(date) ?? null };
  });
}
