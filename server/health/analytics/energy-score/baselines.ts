import type { Baseline, BaselineMetric } from "../types";
import type { WindowStats } from "./windows";

/** A baseline rests on the days before the day (the day itself excluded). */
export const BASELINE_WINDOW_DAYS = 60;
/** Days of a metric a baseline needs before it counts. */
export const MIN_BASELINE_DAYS = 14;

/** Series that get a personal normal: the key metrics and the optional journal ratings (1–10). */
export const JOURNAL_KEYS = ["journal_mood", "journal_energy"] as const;
export type JournalKey = (typeof JOURNAL_KEYS)[number];
export type NormalKey = BaselineMetric | JournalKey;

/** HRV normals are kept on ln(ms): HRV is right-skewed and its changes are proportional. */
export const LOG_SCALE: ReadonlySet<NormalKey> = new Set(["hrv_rmssd", "hrv_sdnn"]);

/**
 * The smallest SD a normal is given, in the scale it is kept on. A very steady series would
 * otherwise turn a trivial change (1 bpm, 5 minutes of sleep) into several SD.
 */
export const SD_FLOOR: Readonly<Record<NormalKey, number>> = {
  hrv_rmssd: 0.05,
  hrv_sdnn: 0.05,
  resting_heart_rate: 1,
  sleep_asleep_seconds: 2700,
  sleep_efficiency: 0.02,
  respiratory_rate: 0.3,
  temperature_deviation: 0.1,
  steps: 500,
  active_energy: 200,
  journal_mood: 1,
  journal_energy: 1,
};

/**
 * Half-width of the normal band in SD. HRV is judged as a 7-day mean, which varies less than single
 * days, so its band is ±0.5 SD of the daily values; single-day measures get ±1 SD.
 */
export const bandSd = (key: NormalKey): number => (LOG_SCALE.has(key) ? 0.5 : 1);

/** A personal normal in the scale it is kept on (ln ms for HRV). */
export interface Normal {
  mean: number;
  /** Never below the metric's SD_FLOOR. */
  sd: number;
  days: number;
}

/** The normal of a window, or null when it rests on fewer than MIN_BASELINE_DAYS days. */
export function normalFrom(stats: WindowStats, key: NormalKey): Normal | null {
  if (stats.n < MIN_BASELINE_DAYS || stats.mean === null) return null;
  return { mean: stats.mean, sd: Math.max(stats.sd ?? 0, SD_FLOOR[key]), days: stats.n };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The stored baseline in canonical units. For HRV (kept on ln) the mean is the geometric mean in ms,
 * the band is exp of the ln band, and sd is the ln SD times the geometric mean (its size in ms
 * near the mean).
 */
export function toBaseline(normal: Normal, key: NormalKey): Baseline {
  const band = bandSd(key);
  if (LOG_SCALE.has(key)) {
    const mean = Math.exp(normal.mean);
    return {
      mean: round(mean, 2),
      sd: round(mean * normal.sd, 2),
      low: round(Math.exp(normal.mean - band * normal.sd), 2),
      high: round(Math.exp(normal.mean + band * normal.sd), 2),
      days: normal.days,
    };
  }
  return {
    mean: round(normal.mean),
    sd: round(normal.sd),
    low: round(normal.mean - band * normal.sd),
    high: round(normal.mean + band * normal.sd),
    days: normal.days,
  };
}
