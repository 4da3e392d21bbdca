import { formatHours } from "../risks/format";

/* How the recommendation texts name daily metrics and amounts of them (canonical units in, words out). */

const LABELS: Record<string, string> = {
  steps: "steps",
  active_energy: "active energy",
  sleep_asleep_seconds: "sleep",
  sleep_efficiency: "sleep efficiency",
  sleep_debt_seconds: "sleep debt",
  hrv_rmssd: "HRV",
  resting_heart_rate: "resting heart rate",
  temperature_deviation: "temperature",
  score: "energy score",
  journal_mood: "mood",
  journal_energy: "energy rating",
};

export const labelOf = (metric: string): string => LABELS[metric] ?? metric.replaceAll("_", " ");

/** An amount of `metric` without sign: "2,300 steps", "420 kJ", "35 min", "4 bpm", "3 percentage points". */
export function amountOf(metric: string, value: number): string {
  const v = Math.abs(value);
  switch (metric) {
    case "steps":
      return `${(Math.round(v / 100) * 100).toLocaleString("en-US")} steps`;
    case "active_energy":
      return `${Math.round(v / 10) * 10} kJ`;
    case "sleep_asleep_seconds":
    case "sleep_debt_seconds":
      return formatHours(v);
    case "sleep_efficiency":
      return `${Math.round(v * 100)} percentage points`;
    case "hrv_rmssd":
      return `${Math.round(v)} ms`;
    case "resting_heart_rate":
      return `${Math.round(v)} bpm`;
    case "temperature_deviation":
      return `${v.toFixed(1)} °C`;
    case "score":
      return `${Math.round(v)} points`;
    default:
      return `${Math.round(v * 10) / 10}`;
  }
}

/** Rounds a delta to what the amount shows (so a stored delta and its text agree). */
export function roundedDelta(metric: string, value: number): number {
  const rounded = roundTo(metric, value);
  return rounded === 0 ? 0 : rounded; // no −0 in stored JSON
}

function roundTo(metric: string, value: number): number {
  switch (metric) {
    case "steps":
      return Math.round(value / 100) * 100;
    case "active_energy":
      return Math.round(value / 10) * 10;
    case "sleep_asleep_seconds":
    case "sleep_debt_seconds":
      return Math.round(value / 60) * 60;
    case "sleep_efficiency":
      return Math.round(value * 100) / 100;
    case "temperature_deviation":
      return Math.round(value * 10) / 10;
    default:
      return Math.round(value);
  }
}

const UNITS: Record<string, string> = {
  steps: "steps",
  active_energy: "kJ",
  sleep_asleep_seconds: "seconds",
  sleep_debt_seconds: "seconds",
  sleep_efficiency: "ratio 0-1",
  hrv_rmssd: "ms",
  resting_heart_rate: "bpm",
  temperature_deviation: "°C",
  score: "points",
};

/** The unit a metric's deltas are stored in (for the AI gateway's facts). */
export const unitOf = (metric: string): string => UNITS[metric] ?? (metric.endsWith("_percent") ? "%" : "units");
