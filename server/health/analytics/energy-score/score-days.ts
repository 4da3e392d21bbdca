import type { ScoredDay } from "../stage";
import { BASELINE_METRICS, type Baseline, type BaselineMetric, type MetricAgainstBaseline } from "../types";
import { MIN_BASELINE_DAYS, toBaseline } from "./baselines";
import { readingsOf } from "./contributors";
import { dayInputsOf, type DayInputs, type ScoreInputDay } from "./day-inputs";
import { combine } from "./formula";
import type { EffectiveWeights } from "./weights";

/** A scored day as stored: the stage contract's ScoredDay plus what the energy_scores row keeps. */
export interface DayScore extends ScoredDay {
  /** While calibrating: days of data still needed; otherwise null. */
  calibrationDaysLeft: number | null;
  guard: string | null;
  metrics: Partial<Record<BaselineMetric, MetricAgainstBaseline>>;
}

export interface ScoreOptions {
  sleepNeedSeconds: number;
  timeZone: string;
  weights: EffectiveWeights;
}

/** HRV (either measure), resting HR and sleep: without any of them a day cannot be scored. */
const CORE = ["hrv_rmssd", "hrv_sdnn", "resting_heart_rate", "sleep_asleep_seconds"] as const;

function keyMetrics(inputs: DayInputs): { baselines: Partial<Record<BaselineMetric, Baseline>>; metrics: Partial<Record<BaselineMetric, MetricAgainstBaseline>> } {
  const baselines: Partial<Record<BaselineMetric, Baseline>> = {};
  const metrics: Partial<Record<BaselineMetric, MetricAgainstBaseline>> = {};
  for (const metric of BASELINE_METRICS) {
    const normal = inputs.normals[metric];
    const value = inputs.values[metric];
    const baseline = normal ? toBaseline(normal, metric) : null;
    if (baseline) baselines[metric] = baseline;
    if (baseline || value !== undefined) metrics[metric] = { value: value ?? null, baseline };
  }
  return { baselines, metrics };
}

/**
 * Scores every day of a history (any order in, oldest first out). States: "calibrating" while the
 * best-covered core measure has fewer than 14 days in the 60 before the day (a new user, or one
 * back after a long gap), "no_data" when the day has no HRV, resting HR or sleep (or nothing
 * weighted could be judged), else "scored" (see ./formula.ts).
 */
export function scoreDays(days: readonly ScoreInputDay[], opts: ScoreOptions): DayScore[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return dayInputsOf(sorted, opts).map((inputs) => {
    const { baselines, metrics } = keyMetrics(inputs);
    const unscored = { score: null, status: null, confidence: 0, contributors: [], guard: null, baselines, metrics };
    const coreDays = Math.max(...CORE.map((key) => inputs.baselineDays[key] ?? 0));
    if (coreDays < MIN_BASELINE_DAYS) return { date: inputs.date, state: "calibrating", calibrationDaysLeft: MIN_BASELINE_DAYS - coreDays, ...unscored };
    if (!CORE.some((key) => inputs.values[key] !== undefined)) return { date: inputs.date, state: "no_data", calibrationDaysLeft: null, ...unscored };
    const combined = combine(readingsOf(inputs), opts.weights);
    if (combined.score === null) return { date: inputs.date, state: "no_data", calibrationDaysLeft: null, ...unscored, contributors: combined.contributors };
    return { date: inputs.date, state: "scored", calibrationDaysLeft: null, baselines, metrics, ...combined };
  });
}
