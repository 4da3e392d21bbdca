import { zoneOffsetMinutes } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import { BASELINE_METRICS } from "../types";
import { BASELINE_WINDOW_DAYS, JOURNAL_KEYS, LOG_SCALE, normalFrom, type Normal, type NormalKey } from "./baselines";
import { dayNumber, slidingStats, type Point, type WindowStats } from "./windows";

export const HRV_MEASURES = ["hrv_rmssd", "hrv_sdnn"] as const;
export type HrvMeasure = (typeof HRV_MEASURES)[number];
/** Training load: active energy where the device gives it, else steps. */
export const LOAD_METRICS = ["active_energy", "steps"] as const;
export type LoadMetric = (typeof LOAD_METRICS)[number];

/** Days of the HRV mean (ending on the day), of acute and chronic load, and nights of sleep timing. */
export const HRV_WEEK_DAYS = 7;
export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
export const REGULARITY_NIGHTS = 14;

/**
 * A day's values with the optional journal ratings (1–10) beside the summary values: the
 * journal's stage adds them to the days that have an entry (server/health/journal/insight-inputs.ts).
 */
export interface ScoreInputDay extends DayValues {
  values: DayValues["values"] & Partial<Record<(typeof JOURNAL_KEYS)[number], number>>;
}

/** Everything the contributors of one day need, from the windows around it. */
export interface DayInputs {
  date: string;
  values: Record<string, number>;
  sleepNeedSeconds: number;
  /** Personal normals over the 60 days before the day (at least 14 of them); ln ms for HRV. */
  normals: Partial<Record<NormalKey, Normal>>;
  /** Days of each series in that window, also below 14 (how far calibration has come). */
  baselineDays: Partial<Record<NormalKey, number>>;
  /** Mean of ln HRV over the 7 days ending on the day, per measure (only when the day has that measure). */
  hrvWeek: Partial<Record<HrvMeasure, number>>;
  /** Load over the 7 and the 28 days before the day (the day itself is still under way in the morning). */
  load: Partial<Record<LoadMetric, { acute: WindowStats; chronic: WindowStats }>>;
  /** Sleep midpoints of the 14 nights ending on the day (SD in seconds); null when the day has no night. */
  midpoints: { nights: number; sd: number | null } | null;
}

const NORMAL_KEYS: readonly NormalKey[] = [...BASELINE_METRICS, ...JOURNAL_KEYS];
const DAY_SECONDS = 86_400;

function pointsOf(days: readonly ScoreInputDay[], dayNumbers: readonly number[], read: (values: Record<string, number>) => number | null): Point[] {
  const points: Point[] = [];
  days.forEach((d, i) => {
    const value = read(d.values);
    if (value !== null && Number.isFinite(value)) points.push({ day: dayNumbers[i]!, value });
  });
  return points;
}

const positive = (value: number | undefined) => (typeof value === "number" && value > 0 ? value : null);
const finite = (value: number | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * The local clock time of the night's midpoint in seconds, counted from noon so that a midpoint
 * either side of midnight stays one continuous scale (an SD across 23:50 and 00:10 is 20 minutes).
 */
function midpointFromNoon(values: Record<string, number>, timeZone: string): number | null {
  const start = finite(values.sleep_start_epoch);
  const end = finite(values.sleep_end_epoch);
  if (start === null || end === null || end <= start) return null;
  const mid = (start + end) / 2;
  const local = mid + zoneOffsetMinutes(new Date(mid * 1000), timeZone) * 60;
  return (((local + DAY_SECONDS / 2) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
}

/** The inputs of every day (sorted oldest first), each series walked once per window. */
export function dayInputsOf(days: readonly ScoreInputDay[], opts: { sleepNeedSeconds: number; timeZone: string }): DayInputs[] {
  const dayNumbers = days.map((d) => dayNumber(d.date));
  const out: DayInputs[] = days.map((d) => ({
    date: d.date,
    values: d.values,
    sleepNeedSeconds: opts.sleepNeedSeconds,
    normals: {},
    baselineDays: {},
    hrvWeek: {},
    load: {},
    midpoints: null,
  }));

  for (const key of NORMAL_KEYS) {
    const points = pointsOf(days, dayNumbers, (v) => (LOG_SCALE.has(key) ? (positive(v[key]) === null ? null : Math.log(v[key]!)) : finite(v[key])));
    if (points.length === 0) continue;
    slidingStats(points, dayNumbers, -BASELINE_WINDOW_DAYS, -1).forEach((stats, i) => {
      out[i]!.baselineDays[key] = stats.n;
      const normal = normalFrom(stats, key);
      if (normal) out[i]!.normals[key] = normal;
    });
    if ((HRV_MEASURES as readonly string[]).includes(key)) {
      slidingStats(points, dayNumbers, -(HRV_WEEK_DAYS - 1), 0).forEach((stats, i) => {
        if (positive(days[i]!.values[key]) !== null && stats.mean !== null) out[i]!.hrvWeek[key as HrvMeasure] = stats.mean;
      });
    }
  }

  for (const metric of LOAD_METRICS) {
    const points = pointsOf(days, dayNumbers, (v) => finite(v[metric]));
    if (points.length === 0) continue;
    const acute = slidingStats(points, dayNumbers, -ACUTE_DAYS, -1);
    const chronic = slidingStats(points, dayNumbers, -CHRONIC_DAYS, -1);
    out.forEach((inputs, i) => (inputs.load[metric] = { acute: acute[i]!, chronic: chronic[i]! }));
  }

  const midpoints = pointsOf(days, dayNumbers, (v) => midpointFromNoon(v, opts.timeZone));
  const onNight = new Set(midpoints.map((p) => p.day));
  slidingStats(midpoints, dayNumbers, -(REGULARITY_NIGHTS - 1), 0).forEach((stats, i) => {
    if (onNight.has(dayNumbers[i]!)) out[i]!.midpoints = { nights: stats.n, sd: stats.sd };
  });
  return out;
}
