import type { ScoreState } from "../../analytics/types";

/*
 * 2026-W48 (Mon 23 – Sun 29 Nov 2026) and the week before, as daily summary values and stored
 * energy scores. The expected figures are worked out by hand in the tests that use it.
 */

export const FIXTURE_WEEK = { week: "2026-W48", weekStart: "2026-11-23", weekEnd: "2026-11-29" } as const;

export const FIXTURE_SUMMARIES: { date: string; values: Record<string, number> }[] = [
  // the week before
  { date: "2026-11-16", values: { sleep_asleep_seconds: 25_200, hrv_rmssd: 50, readiness: 70 } },
  { date: "2026-11-18", values: { sleep_asleep_seconds: 25_200, hrv_rmssd: 54 } },
  // the week
  { date: "2026-11-23", values: { sleep_asleep_seconds: 25_200, hrv_rmssd: 50, hrv_sdnn: 40, readiness: 80 } },
  { date: "2026-11-24", values: { sleep_asleep_seconds: 27_000, hrv_rmssd: 60, recovery: 75 } },
  { date: "2026-11-25", values: { sleep_asleep_seconds: 21_600, hrv_rmssd: 45, readiness: 70, recovery: 99 } },
  { date: "2026-11-26", values: { sleep_asleep_seconds: 28_800, hrv_rmssd: 55 } },
  { date: "2026-11-27", values: { steps: 4_000 } },
  { date: "2026-11-28", values: { sleep_asleep_seconds: 23_400, hrv_rmssd: 52, readiness: 68 } },
  // Sunday 29: nothing yet
];

export const FIXTURE_SCORES: { date: string; state: ScoreState; score: number | null }[] = [
  { date: "2026-11-16", state: "scored", score: 68 },
  { date: "2026-11-17", state: "scored", score: 70 },
  { date: "2026-11-18", state: "scored", score: 72 },
  { date: "2026-11-23", state: "scored", score: 70 },
  { date: "2026-11-24", state: "scored", score: 82 },
  { date: "2026-11-25", state: "scored", score: 65 },
  { date: "2026-11-26", state: "scored", score: 82 },
  { date: "2026-11-27", state: "calibrating", score: null },
  { date: "2026-11-28", state: "scored", score: 60 },
  // a day of the next week never counts
  { date: "2026-11-30", state: "scored", score: 99 },
];
