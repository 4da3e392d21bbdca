import { addDays } from "../../local-date";
import type { Baseline } from "../types";

/*
 * Personal normals for the risk rules, on the energy score's definition: mean and sample SD of the
 * metric over the 60 calendar days before the day (the day itself excluded), only when at least 14
 * of those days have a value, SD never below a floor. HRV is kept on ln(rMSSD). When the energy score
 * stage stored a baseline for the day, it is used (converted back to ln for HRV); otherwise the rules
 * compute the same normal here, so risks do not depend on the score having run.
 */

export const NORMAL_WINDOW_DAYS = 60;
export const MIN_NORMAL_DAYS = 14;

/** Metrics the risk rules judge against a personal normal, and the scale each is judged on. */
export const RISK_NORMAL_METRICS = ["resting_heart_rate", "hrv_rmssd", "temperature_deviation"] as const;
export type RiskNormalMetric = (typeof RISK_NORMAL_METRICS)[number];

/** The smallest SD a normal gets (bpm; ln ms; °C), so a very steady series does not turn a trivial change into many SD. */
export const SD_FLOOR: Record<RiskNormalMetric, number> = { resting_heart_rate: 1, hrv_rmssd: 0.05, temperature_deviation: 0.1 };

const LOG_SCALE: ReadonlySet<RiskNormalMetric> = new Set(["hrv_rmssd"]);

/** A normal in the scale the metric is judged on (ln ms for HRV). */
export interface Normal {
  mean: number;
  sd: number;
  days: number;
}

/** The value a rule compares: ln for HRV, as is otherwise; null for values ln cannot take. */
export function onScale(metric: RiskNormalMetric, value: number): number | null {
  if (!LOG_SCALE.has(metric)) return value;
  return value > 0 ? Math.log(value) : null;
}

/** A normal's mean back in canonical units (the geometric mean in ms for HRV). */
export function meanInUnits(metric: RiskNormalMetric, normal: Normal): number {
  return LOG_SCALE.has(metric) ? Math.exp(normal.mean) : normal.mean;
}

/** The normal of `metric` for `date` from the values of the 60 days before it. */
export function priorNormal(series: ReadonlyMap<string, number>, metric: RiskNormalMetric, date: string): Normal | null {
  const values: number[] = [];
  for (let i = 1; i <= NORMAL_WINDOW_DAYS; i++) {
    const raw = series.get(addDays(date, -i));
    const v = raw === undefined ? null : onScale(metric, raw);
    if (v !== null) values.push(v);
  }
  if (values.length < MIN_NORMAL_DAYS) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.max(Math.sqrt(variance), SD_FLOOR[metric]), days: values.length };
}

/**
 * A stored baseline (energy score stage) as a normal. For HRV the stage stores the geometric mean
 * in ms and sd = ln SD × that mean, so ln mean = ln(mean) and ln SD = sd / mean.
 */
export function normalFromBaseline(metric: RiskNormalMetric, baseline: Baseline): Normal | null {
  if (baseline.days < MIN_NORMAL_DAYS) return null;
  if (LOG_SCALE.has(metric)) {
    if (!(baseline.mean > 0)) return null;
    return { mean: Math.log(baseline.mean), sd: Math.max(baseline.sd / baseline.mean, SD_FLOOR[metric]), days: baseline.days };
  }
  return { mean: baseline.mean, sd: Math.max(baseline.sd, SD_FLOOR[metric]), days: baseline.days };
}
