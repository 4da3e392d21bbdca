/**
 * The shapes the insights layer stores and the pages read (types only: safe to import from the
 * client). Values are in canonical units (ms, bpm, seconds, ratio 0–1, °C, breaths/min, kJ,
 * steps); pages convert to the user's units when they show them.
 */

/** What can move the energy score, each against the user's own baseline. */
export const CONTRIBUTOR_KEYS = [
  "hrv",
  "resting_heart_rate",
  "sleep_duration",
  "sleep_efficiency",
  "sleep_regularity",
  "activity_balance",
  "temperature",
  "respiratory_rate",
  "journal_mood",
  "journal_energy",
] as const;
export type ContributorKey = (typeof CONTRIBUTOR_KEYS)[number];

/** A personal normal: mean and SD over the window, the normal band [low, high], days it rests on. */
export interface Baseline {
  mean: number;
  sd: number;
  low: number;
  high: number;
  days: number;
}

export interface Contributor {
  key: ContributorKey;
  /** The measure behind it, e.g. "hrv_rmssd" or "hrv_sdnn" (never mixed in one baseline). */
  measure: string;
  /** The day's input (for HRV the 7-day mean, in ms), canonical units; null when missing today. */
  value: number | null;
  baseline: Baseline | null;
  /** Standard deviations from the baseline, signed so that positive is better for the score. */
  z: number | null;
  /** Points this contributor added to (or took from) the score. */
  points: number;
  /** The weight it carried (after renormalising over the contributors present). */
  weight: number;
  /** The sentence the page shows, e.g. "HRV 1.3 SD below your normal range: −9". */
  explanation: string;
}

export type ScoreState = "scored" | "calibrating" | "no_data";
export type ScoreStatus = "peak" | "good" | "fair" | "low";

/** Keys of daily values that get a personal baseline stored per day (key metrics, normal bands). */
export const BASELINE_METRICS = [
  "hrv_rmssd",
  "hrv_sdnn",
  "resting_heart_rate",
  "sleep_asleep_seconds",
  "sleep_efficiency",
  "respiratory_rate",
  "temperature_deviation",
  "steps",
  "active_energy",
] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

/** A day's value of a metric beside its normal range (for HRV the band is exp of the ln band). */
export interface MetricAgainstBaseline {
  value: number | null;
  baseline: Baseline | null;
}

/** Contributor weights; a missing key keeps the default. */
export type ScoreWeights = Partial<Record<ContributorKey, number>>;

export const RISK_KINDS = ["resting_hr_elevated", "hrv_suppressed", "sleep_debt", "temperature_deviation"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_SEVERITIES = ["low", "moderate", "high"] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** The data that raised a risk flag. */
export interface RiskEvidence {
  /** The rule in words, e.g. "resting HR ≥ 2 SD above normal on 2 days running". */
  rule: string;
  days: { date: string; value: number; baselineMean: number | null; z: number | null }[];
}

/** Series the correlations and forecasts run over (journal keys join once the journal exists). */
export type InsightSeriesKey = string;

export const FORECAST_METRICS = ["score", "hrv_rmssd", "resting_heart_rate", "sleep_asleep_seconds"] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];

export type RecommendationStatus = "open" | "done" | "dismissed";

/** What a recommendation is expected to change, e.g. { metric: "score", delta: 4, text: "about +4 to your score" }. */
export interface ExpectedImpact {
  metric: string;
  delta: number;
  text: string;
}
