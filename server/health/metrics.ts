import type { Metric } from "./types";

/** How a metric's samples roll up into one value for a day. */
export type DailyAggregation = "sum" | "avg" | "min" | "last";

export const DAILY_AGGREGATION: Record<Metric, DailyAggregation> = {
  heart_rate: "avg",
  resting_heart_rate: "avg",
  lowest_heart_rate: "min",
  hrv_rmssd: "avg",
  hrv_sdnn: "avg",
  steps: "sum",
  distance: "sum",
  floors: "sum",
  active_energy: "sum",
  total_energy: "sum",
  basal_energy: "sum",
  active_duration: "sum",
  spo2: "avg",
  respiratory_rate: "avg",
  temperature_deviation: "avg",
  skin_temperature: "avg",
  body_temperature: "avg",
  readiness: "last",
  recovery: "last",
  sleep_score: "last",
  activity_score: "last",
  strain: "last",
  weight: "last",
  body_fat: "last",
  bmi: "last",
  height: "last",
  energy_intake: "sum",
  protein: "sum",
  carbohydrates: "sum",
  fat: "sum",
  water: "sum",
  vo2max: "last",
  stress: "avg",
};

/** Used when a user has set no order: dedicated devices before aggregators and phones. */
export const DEFAULT_PROVIDER_PRIORITY = ["oura", "whoop", "garmin", "fitbit", "google_health", "apple_health", "terra", "demo"] as const;

/** Default nightly sleep need when the user has none (8 h). */
export const DEFAULT_SLEEP_NEED_SECONDS = 8 * 3600;
