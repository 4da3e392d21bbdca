import type { DayValues } from "../../timeseries/rolling";
import type { ScoredDay } from "../stage";

/**
 * One daily series the correlations run over: a value per local date (YYYY-MM-DD). Binary series
 * hold 1 (yes) or 0 (no) and may only stand on the x side; continuous ones can be either side.
 */
export interface DailySeries {
  key: string;
  kind: "continuous" | "binary";
  values: Map<string, number>;
  /**
   * How a sentence names it. Continuous: the thing that goes up, as a subject ("your mood");
   * binary: the condition ("you tagged “alcohol”"). Built-in series have their own wording.
   */
  label?: string;
  /** Series of one family describe the same thing (sleep and "slept under 6 h"): not paired on the same day. */
  family?: string;
  /** True when the energy score is computed from it: not paired with the score on the same day. */
  feedsScore?: boolean;
}

/** Continuous daily series taken from the daily summaries, in canonical units. */
export const SUMMARY_SERIES = ["sleep_asleep_seconds", "sleep_efficiency", "hrv_rmssd", "resting_heart_rate", "steps", "active_energy"] as const;

/** Steps and active energy measure the same movement: on the same day they say nothing new about each other. */
const FAMILY: Record<string, string> = { steps: "activity", active_energy: "activity" };

const SIX_HOURS = 6 * 3600;
const TEN_THOUSAND_STEPS = 10_000;

/** Yes/no splits of a continuous series that people ask about ("after I slept under 6 h…"). */
export const THRESHOLD_SPLITS = [
  { key: "sleep_under_6h", source: "sleep_asleep_seconds", test: (v: number) => v < SIX_HOURS },
  { key: "steps_10k", source: "steps", test: (v: number) => v >= TEN_THOUSAND_STEPS },
] as const;

/**
 * The built-in series over [from, to]: the summary metrics, the energy score of scored days, and
 * the threshold splits, plus any extra series (journal mood, energy and tags) clipped to the range.
 */
export function buildSeries(input: { days: DayValues[]; scores: ScoredDay[]; from: string; to: string; extra?: DailySeries[] }): DailySeries[] {
  const inRange = (date: string) => date >= input.from && date <= input.to;
  const out: DailySeries[] = [];
  for (const key of SUMMARY_SERIES) {
    const values = new Map<string, number>();
    for (const day of input.days) {
      const v = day.values[key];
      if (inRange(day.date) && typeof v === "number" && Number.isFinite(v)) values.set(day.date, v);
    }
    out.push({ key, kind: "continuous", values, family: FAMILY[key] ?? key, feedsScore: true });
  }
  const score = new Map<string, number>();
  for (const day of input.scores) if (inRange(day.date) && day.state === "scored" && day.score !== null) score.set(day.date, day.score);
  out.push({ key: "score", kind: "continuous", values: score, family: "score" });
  for (const split of THRESHOLD_SPLITS) {
    const source = out.find((s) => s.key === split.source)!;
    const values = new Map<string, number>();
    for (const [date, v] of source.values) values.set(date, split.test(v) ? 1 : 0);
    out.push({ key: split.key, kind: "binary", values, family: source.family, feedsScore: true });
  }
  for (const series of input.extra ?? []) {
    const values = new Map([...series.values].filter(([date, v]) => inRange(date) && Number.isFinite(v)));
    out.push({ ...series, values });
  }
  return out;
}
