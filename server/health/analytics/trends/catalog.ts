import { DAILY_AGGREGATION } from "../../metrics";
import { METRIC_UNITS, type Metric } from "../../types";

/*
 * Every series the trends read can chart (safe to import from the client). Two kinds:
 * `series` metrics are the time series of server/health/types.ts (readings and provider day
 * totals, rolled up per day); `daily` keys exist only as one value per day (sleep of the night,
 * sleep debt, workouts, the energy score), so they have no hour buckets.
 */

export const DAILY_KEYS = [
  "sleep_asleep_seconds",
  "sleep_in_bed_seconds",
  "sleep_light_seconds",
  "sleep_deep_seconds",
  "sleep_rem_seconds",
  "sleep_awake_seconds",
  "sleep_efficiency",
  "sleep_debt_seconds",
  "nap_seconds",
  "workouts",
  "score",
] as const;
export type DailyKey = (typeof DAILY_KEYS)[number];

export const SERIES_METRICS = Object.keys(METRIC_UNITS) as Metric[];
export const TREND_METRICS = [...SERIES_METRICS, ...DAILY_KEYS] as const;
export type TrendMetric = Metric | DailyKey;

export const TREND_BUCKETS = ["hour", "day", "week", "month"] as const;
export type TrendBucketSize = (typeof TREND_BUCKETS)[number];

/** Hours make 24 points a day: a month of them is as much as a chart can show. */
export const MAX_HOUR_RANGE_DAYS = 31;

export const TREND_GROUPS = [
  { id: "heart", label: "Heart" },
  { id: "sleep", label: "Sleep" },
  { id: "activity", label: "Activity" },
  { id: "body", label: "Body" },
  { id: "scores", label: "Scores" },
  { id: "nutrition", label: "Nutrition" },
] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number]["id"];

export interface TrendMetricInfo {
  key: TrendMetric;
  label: string;
  group: TrendGroup;
  kind: "series" | "daily";
  /** Day values that add up (steps, energy): an hour shows its total, a week the mean day. */
  additive: boolean;
}

const INFO: Record<TrendMetric, Omit<TrendMetricInfo, "key" | "kind" | "additive">> = {
  heart_rate: { label: "Heart rate", group: "heart" },
  resting_heart_rate: { label: "Resting heart rate", group: "heart" },
  lowest_heart_rate: { label: "Lowest heart rate", group: "heart" },
  hrv_rmssd: { label: "HRV (RMSSD)", group: "heart" },
  hrv_sdnn: { label: "HRV (SDNN)", group: "heart" },
  respiratory_rate: { label: "Breathing rate", group: "heart" },
  spo2: { label: "Blood oxygen", group: "heart" },
  vo2max: { label: "VO₂ max", group: "heart" },
  steps: { label: "Steps", group: "activity" },
  distance: { label: "Distance", group: "activity" },
  floors: { label: "Floors", group: "activity" },
  active_energy: { label: "Active energy", group: "activity" },
  total_energy: { label: "Total energy", group: "activity" },
  basal_energy: { label: "Resting energy", group: "activity" },
  active_duration: { label: "Active minutes", group: "activity" },
  strain: { label: "Strain", group: "activity" },
  workouts: { label: "Workouts", group: "activity" },
  temperature_deviation: { label: "Temperature deviation", group: "body" },
  skin_temperature: { label: "Skin temperature", group: "body" },
  body_temperature: { label: "Body temperature", group: "body" },
  weight: { label: "Weight", group: "body" },
  body_fat: { label: "Body fat", group: "body" },
  bmi: { label: "BMI", group: "body" },
  height: { label: "Height", group: "body" },
  score: { label: "Energy score", group: "scores" },
  readiness: { label: "Readiness", group: "scores" },
  recovery: { label: "Recovery", group: "scores" },
  sleep_score: { label: "Sleep score", group: "scores" },
  activity_score: { label: "Activity score", group: "scores" },
  stress: { label: "Stress", group: "scores" },
  sleep_asleep_seconds: { label: "Time asleep", group: "sleep" },
  sleep_in_bed_seconds: { label: "Time in bed", group: "sleep" },
  sleep_light_seconds: { label: "Light sleep", group: "sleep" },
  sleep_deep_seconds: { label: "Deep sleep", group: "sleep" },
  sleep_rem_seconds: { label: "REM sleep", group: "sleep" },
  sleep_awake_seconds: { label: "Awake in bed", group: "sleep" },
  sleep_efficiency: { label: "Sleep efficiency", group: "sleep" },
  sleep_debt_seconds: { label: "Sleep debt", group: "sleep" },
  nap_seconds: { label: "Naps", group: "sleep" },
  energy_intake: { label: "Energy intake", group: "nutrition" },
  protein: { label: "Protein", group: "nutrition" },
  carbohydrates: { label: "Carbohydrates", group: "nutrition" },
  fat: { label: "Fat", group: "nutrition" },
  water: { label: "Water", group: "nutrition" },
};

const DAILY_ADDITIVE = new Set<TrendMetric>(["workouts", "nap_seconds"]);

export function isTrendMetric(value: unknown): value is TrendMetric {
  return typeof value === "string" && Object.hasOwn(INFO, value);
}

export function isSeriesMetric(metric: TrendMetric): metric is Metric {
  return Object.hasOwn(METRIC_UNITS, metric);
}

export function trendMetricInfo(metric: TrendMetric): TrendMetricInfo {
  const series = isSeriesMetric(metric);
  return {
    key: metric,
    ...INFO[metric],
    kind: series ? "series" : "daily",
    additive: series ? DAILY_AGGREGATION[metric] === "sum" : DAILY_ADDITIVE.has(metric),
  };
}

/** The picker's list: every metric, grouped, in the order of TREND_GROUPS. */
export function trendMetricsByGroup(): { id: TrendGroup; label: string; metrics: TrendMetricInfo[] }[] {
  const all = TREND_METRICS.map(trendMetricInfo);
  return TREND_GROUPS.map((g) => ({ ...g, metrics: all.filter((m) => m.group === g.id) }));
}
