/**
 * The one normalized shape every provider, file import and the demo generator produce.
 * Values are stored in SI units (or SI-prefixed / SI-accepted ones), listed in METRIC_UNITS;
 * the UI converts for display.
 */
export const PROVIDER_IDS = ["terra", "oura", "whoop", "fitbit", "google_health", "garmin", "apple_health", "demo"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const METRIC_UNITS = {
  heart_rate: "/min",
  resting_heart_rate: "/min",
  /** Lowest heart rate of a night (Oura has no resting HR in sleep); kept apart from resting_heart_rate. */
  lowest_heart_rate: "/min",
  hrv_rmssd: "ms",
  hrv_sdnn: "ms",
  steps: "count",
  distance: "m",
  floors: "count",
  active_energy: "kJ",
  total_energy: "kJ",
  basal_energy: "kJ",
  active_duration: "s",
  /** Fractions 0–1, never percent (Apple sends 0–1, Oura 1–100). */
  spo2: "1",
  respiratory_rate: "/min",
  temperature_deviation: "°C",
  skin_temperature: "°C",
  body_temperature: "°C",
  readiness: "score",
  recovery: "score",
  sleep_score: "score",
  activity_score: "score",
  strain: "score",
  weight: "kg",
  body_fat: "1",
  bmi: "kg/m2",
  height: "m",
  energy_intake: "kJ",
  protein: "g",
  carbohydrates: "g",
  fat: "g",
  water: "L",
  vo2max: "mL/kg/min",
  stress: "score",
} as const;

export type Metric = keyof typeof METRIC_UNITS;
export type MetricUnit = (typeof METRIC_UNITS)[Metric];

export const KCAL_TO_KJ = 4.184;

interface SourceRef {
  source: ProviderId;
  /** Stable id of the provider record this came from (a revision of it replaces earlier rows). */
  sourceRecordId: string;
  device?: string | null;
  /** The record's own UTC offset in minutes (e.g. -420), when the provider gives one. */
  utcOffsetMinutes?: number | null;
  /** IANA zone when the provider gives one. */
  timeZone?: string | null;
}

export interface NormalizedSample extends SourceRef {
  metric: Metric;
  start: Date;
  /** Equal to start for instantaneous readings. */
  end: Date;
  value: number;
  /**
   * The n-th identical reading in its file (same type, app, start, end and value; 0 for the first),
   * set by file imports whose records carry no id of their own: two equal servings logged at once
   * stay two. Part of the record's identity, for stores that keep no per-point id.
   */
  occurrence?: number;
}

export type SleepStage = "awake" | "light" | "deep" | "rem" | "asleep" | "in_bed" | "out_of_bed" | "unknown";

export interface SleepStageInterval {
  stage: SleepStage;
  start: Date;
  end: Date;
}

export interface NormalizedSleepSession extends SourceRef {
  start: Date;
  end: Date;
  isNap: boolean;
  /** Stage intervals when the provider gives a hypnogram; may be empty. */
  stages: SleepStageInterval[];
  /** Provider-reported totals in seconds (not summed from stages, which may be missing). */
  totals: {
    inBedSeconds?: number | null;
    asleepSeconds?: number | null;
    awakeSeconds?: number | null;
    lightSeconds?: number | null;
    deepSeconds?: number | null;
    remSeconds?: number | null;
    latencySeconds?: number | null;
  };
  /** 0–1 when the provider reports one. */
  efficiency?: number | null;
  /**
   * The user-local day the provider files the session under, when its rule differs from ours (the
   * day of waking up): Oura counts a late nap after 6 pm toward the next day.
   */
  localDate?: string;
}

export interface NormalizedWorkout extends SourceRef {
  activityType: string;
  start: Date;
  end: Date;
  energyKJ?: number | null;
  distanceM?: number | null;
  avgHeartRate?: number | null;
  maxHeartRate?: number | null;
  /** Pause/resume/lap markers, e.g. from Apple WorkoutEvent. */
  events?: { type: string; at: Date; durationSeconds?: number | null }[];
  /** Provider key/value extras, e.g. Apple MetadataEntry (HKTimeZone, HKIndoorWorkout, weather). */
  metadata?: Record<string, string> | null;
}

/** A provider's own total for one local day (preferred over summing its intraday samples). */
export interface NormalizedDailyTotal extends SourceRef {
  metric: Metric;
  /** The user-local calendar day, YYYY-MM-DD. */
  localDate: string;
  value: number;
}

export interface NormalizedBatch {
  samples: NormalizedSample[];
  sleepSessions: NormalizedSleepSession[];
  workouts: NormalizedWorkout[];
  dailyTotals: NormalizedDailyTotal[];
}

export function emptyBatch(): NormalizedBatch {
  return { samples: [], sleepSessions: [], workouts: [], dailyTotals: [] };
}
