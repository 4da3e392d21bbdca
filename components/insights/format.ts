import { formatDuration, formatMetricValue, type UnitPrefs } from "@/components/dashboard/metric-format";
import { CONTRIBUTOR_INFO } from "@/server/health/analytics/energy-score/labels";
import type { ContributorKey, ForecastMetric, RiskKind, RiskSeverity, ScoreStatus } from "@/server/health/analytics/types";

/** Words and numbers of the insights pages (pure: they render the same on the server and in tests). */

export const STATUS_WORDS: Record<ScoreStatus, { word: string; meaning: string }> = {
  peak: { word: "Peak", meaning: "Recovered and ready for your hardest efforts." },
  good: { word: "Good", meaning: "Ready for a normal, full day." },
  fair: { word: "Fair", meaning: "Some strain showing: keep today moderate." },
  low: { word: "Low", meaning: "Your body is asking for rest and recovery." },
};

/** Each contributor's name as the pages say it (one list: the energy score's own). */
export const CONTRIBUTOR_LABELS = Object.fromEntries(Object.entries(CONTRIBUTOR_INFO).map(([key, info]) => [key, info.label])) as Record<ContributorKey, string>;

/** Names of the daily series correlations, forecasts and key metrics run over. */
export const SERIES_LABELS: Record<string, string> = {
  score: "Energy score",
  hrv_rmssd: "HRV (RMSSD)",
  hrv_sdnn: "HRV (SDNN)",
  resting_heart_rate: "Resting heart rate",
  sleep_asleep_seconds: "Sleep",
  sleep_efficiency: "Sleep efficiency",
  respiratory_rate: "Breathing rate",
  temperature_deviation: "Temperature deviation",
  steps: "Steps",
  active_energy: "Active energy",
  sleep_under_6h: "Sleep under 6 h",
  steps_10k: "10,000 steps or more",
};

export const seriesLabel = (key: string) => SERIES_LABELS[key] ?? key.replace(/_/g, " ");

export const RISK_LABELS: Record<RiskKind, string> = {
  resting_hr_elevated: "Resting heart rate elevated",
  hrv_suppressed: "HRV suppressed",
  sleep_debt: "Sleep debt",
  temperature_deviation: "Temperature deviation",
};

/** The daily value each risk's evidence is in. */
export const RISK_METRIC: Record<RiskKind, string> = {
  resting_hr_elevated: "resting_heart_rate",
  hrv_suppressed: "hrv_rmssd",
  sleep_debt: "sleep_debt_seconds",
  temperature_deviation: "temperature_deviation",
};

export const SEVERITY_BADGE: Record<RiskSeverity, { label: string; variant: "danger" | "warning" | "neutral" }> = {
  high: { label: "High", variant: "danger" },
  moderate: { label: "Moderate", variant: "warning" },
  low: { label: "Low", variant: "neutral" },
};

/** "High confidence (82 %)" from a 0–1 confidence. */
export function confidenceLabel(confidence: number): string {
  const level = confidence >= 0.75 ? "High" : confidence >= 0.5 ? "Moderate" : "Low";
  return `${level} confidence (${Math.round(confidence * 100)} %)`;
}

/** "q < 0.001" or "q = 0.012" (two significant digits). */
export function formatQ(q: number): string {
  if (q < 0.001) return "q < 0.001";
  return `q = ${Number(q.toPrecision(2))}`;
}

export function lagLabel(lag: number): string {
  if (lag === 0) return "same day";
  if (lag === 1) return "next day";
  return `${lag} days later`;
}

/** Why a recommendation was made, in words. */
export function basisLabel(basis: { kind: "risk" | "correlation" | "contributor" | "score"; ref: string }): string {
  if (basis.kind === "risk") return RISK_LABELS[basis.ref as RiskKind] ?? basis.ref;
  if (basis.kind === "contributor") return CONTRIBUTOR_LABELS[basis.ref as ContributorKey] ?? basis.ref;
  if (basis.kind === "score") return "Your energy score";
  // A correlation is named "x|y|lag" by the rule that acted on it.
  const [x, y, lag] = basis.ref.split("|");
  if (x && y && lag !== undefined && /^\d+$/.test(lag)) return `A pattern in your data: ${seriesLabel(x)} → ${seriesLabel(y)}, ${lagLabel(Number(lag))}`;
  return "A pattern in your data";
}

/** A forecast metric's error in its own unit: score points, ms, bpm, minutes of sleep. */
export function formatError(metric: ForecastMetric, error: number): string {
  if (metric === "score") return `${error.toFixed(1)} points`;
  if (metric === "sleep_asleep_seconds") return formatDuration(error);
  if (metric === "hrv_rmssd") return `${error.toFixed(1)} ms`;
  return `${error.toFixed(1)} bpm`;
}

/** A value of a forecast metric for axes and tooltips (sleep in hours). */
export function forecastValue(metric: ForecastMetric, value: number, units: UnitPrefs): string {
  return metric === "score" ? String(Math.round(value)) : formatMetricValue(metric, value, units);
}

/** The forecast's track record in one sentence: "Last 30 days: mean error 4.1 points; 83 % of days inside the band, aim 80 %." */
export function trackRecordSentence(
  metric: ForecastMetric,
  accuracy: { n: number; meanAbsoluteError: number | null; coverage: number | null; nominalCoverage: number } | null,
): string {
  if (!accuracy || accuracy.n === 0 || accuracy.meanAbsoluteError === null || accuracy.coverage === null) {
    return "No track record yet: each forecast is scored once the day it was made for has happened.";
  }
  const days = accuracy.n === 1 ? "1 day scored" : `${accuracy.n} days scored`;
  return `Last 30 days: mean error ${formatError(metric, accuracy.meanAbsoluteError)}; ${Math.round(accuracy.coverage * 100)} % of days inside the band, aim ${Math.round(accuracy.nominalCoverage * 100)} % (${days}).`;
}

const dayFormat = new Intl.DateTimeFormat("en", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const weekdayFormat = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: "UTC" });

/** "Mon, Jun 1" for a local date (YYYY-MM-DD). */
export const formatDay = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));
/** "Jun 1". */
export const formatShortDay = (date: string) => shortDayFormat.format(new Date(`${date}T12:00:00Z`));
/** "Mon". */
export const formatWeekday = (date: string) => weekdayFormat.format(new Date(`${date}T12:00:00Z`));

/** "today", "yesterday" or the day, for a local date seen from the user's today. */
export function relativeDay(date: string, today: string): string {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  return formatDay(date);
}

/** Signed with a real minus sign: "+4", "−9". */
export function signed(n: number): string {
  const rounded = Math.round(n);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : "0";
}

/** The effect with its 95 % interval: r for continuous pairs, the relative difference for yes/no splits. */
export function effectLabel(c: { kind: "continuous" | "binary"; effect: number; effectLow: number; effectHigh: number; spearmanRho: number | null }): string {
  const minus = (s: string) => s.replace("-", "−");
  if (c.kind === "binary") {
    const pct = (v: number) => minus(`${v > 0 ? "+" : ""}${Math.round(v * 100)} %`);
    return `Difference ${pct(c.effect)} (95 % interval ${pct(c.effectLow)} to ${pct(c.effectHigh)})`;
  }
  const r = (v: number) => minus(v.toFixed(2));
  return `r = ${r(c.effect)} (95 % interval ${r(c.effectLow)} to ${r(c.effectHigh)})${c.spearmanRho === null ? "" : `; Spearman ρ = ${r(c.spearmanRho)}`}`;
}
