import type { Baseline, ContributorKey } from "../types";
import { bandSd, MIN_BASELINE_DAYS, toBaseline, type NormalKey } from "./baselines";
import { CHRONIC_DAYS, LOAD_METRICS, type DayInputs } from "./day-inputs";
import { formatDuration, formatSd, formatSigned } from "./format";

/** What one contributor found on a day, before weights turn it into points. */
export interface Reading {
  key: ContributorKey;
  measure: string;
  /** The day's input in canonical units (HRV: the 7-day geometric mean in ms); null when missing. */
  value: number | null;
  baseline: Baseline | null;
  /** SD from normal, signed so that + is good; null when it cannot be judged today. */
  z: number | null;
  /** SD from normal as measured (+ = above), for the illness guard; null without a normal. */
  deviation: number | null;
  /** Days the personal baseline rests on (confidence); null when judged on a fixed scale. */
  baselineDays: number | null;
  /** The sentence before the points, e.g. "HRV 1.3 SD below your normal range". */
  finding: string;
}

/** How a measure's distance from normal counts: higher is better, lower is better, or any clear change costs. */
type Direction = "higher" | "lower" | "steady";

const missing = (key: ContributorKey, measure: string, value: number | null, finding: string): Reading => ({
  key,
  measure,
  value,
  baseline: null,
  z: null,
  deviation: null,
  baselineDays: null,
  finding,
});

const building = (label: string, days: number | undefined, of = MIN_BASELINE_DAYS, unit = "days") =>
  `${label}: building your baseline (${Math.min(days ?? 0, of - 1)} of ${of} ${unit})`;

/** "HRV within your normal range" or "HRV 1.3 SD below your normal range" (outside the band). */
function againstRange(label: string, deviation: number, band: number): string {
  if (Math.abs(deviation) <= band) return `${label} within your normal range`;
  return `${label} ${formatSd(deviation)} SD ${deviation > 0 ? "above" : "below"} your normal range`;
}

/**
 * z from the deviation: "steady" measures (temperature, breathing) earn up to +1 SD of credit for
 * sitting on their normal and lose it past 1 SD either side: z = 1 − |deviation|.
 */
function zFor(deviation: number, direction: Direction): number {
  if (direction === "higher") return deviation;
  if (direction === "lower") return -deviation;
  return 1 - Math.abs(deviation);
}

interface Measured {
  key: ContributorKey;
  normalKey: NormalKey;
  label: string;
  noun: string;
  direction: Direction;
}

/** A single-day measure against its 60-day normal. */
function measuredAgainstNormal(inputs: DayInputs, m: Measured, label = m.label): Reading {
  const value = inputs.values[m.normalKey];
  if (value === undefined || !Number.isFinite(value)) return missing(m.key, m.normalKey, null, `No ${m.noun} reading today`);
  const normal = inputs.normals[m.normalKey];
  if (!normal) return missing(m.key, m.normalKey, value, building(label, inputs.baselineDays[m.normalKey]));
  const deviation = (value - normal.mean) / normal.sd;
  return {
    key: m.key,
    measure: m.normalKey,
    value,
    baseline: toBaseline(normal, m.normalKey),
    z: zFor(deviation, m.direction),
    deviation,
    baselineDays: normal.days,
    finding: againstRange(label, deviation, bandSd(m.normalKey)),
  };
}

/**
 * HRV: the 7-day mean of ln HRV (ending on the day) against the 60-day ln normal. rMSSD when the
 * day has it, else SDNN against an SDNN-only normal: the two are different measures.
 */
export function hrvReading(inputs: DayInputs): Reading {
  const measure = inputs.values.hrv_rmssd !== undefined ? "hrv_rmssd" : inputs.values.hrv_sdnn !== undefined ? "hrv_sdnn" : null;
  const week = measure ? inputs.hrvWeek[measure] : undefined;
  if (!measure || week === undefined) return missing("hrv", measure ?? "hrv_rmssd", null, "No HRV reading today");
  const label = measure === "hrv_sdnn" ? "HRV (SDNN)" : "HRV";
  const value = Math.round(Math.exp(week) * 100) / 100;
  const normal = inputs.normals[measure];
  if (!normal) return missing("hrv", measure, value, building(label, inputs.baselineDays[measure]));
  const deviation = (week - normal.mean) / normal.sd;
  return {
    key: "hrv",
    measure,
    value,
    baseline: toBaseline(normal, measure),
    z: deviation,
    deviation,
    baselineDays: normal.days,
    finding: againstRange(label, deviation, bandSd(measure)),
  };
}

export const restingHeartRateReading = (inputs: DayInputs): Reading =>
  measuredAgainstNormal(inputs, { key: "resting_heart_rate", normalKey: "resting_heart_rate", label: "Resting heart rate", noun: "resting heart rate", direction: "lower" });

/**
 * Sleep duration against the personal need, in SD of the user's own nights: short nights cost in
 * proportion, a night past the need earns at most +1 SD (more sleep than needed is no extra credit).
 */
export function sleepDurationReading(inputs: DayInputs): Reading {
  const value = inputs.values.sleep_asleep_seconds;
  if (value === undefined) return missing("sleep_duration", "sleep_asleep_seconds", null, "No sleep recorded last night");
  const normal = inputs.normals.sleep_asleep_seconds;
  if (!normal) return missing("sleep_duration", "sleep_asleep_seconds", value, building("Sleep", inputs.baselineDays.sleep_asleep_seconds, MIN_BASELINE_DAYS, "nights"));
  const need = inputs.sleepNeedSeconds;
  const shortBy = need - value;
  return {
    key: "sleep_duration",
    measure: "sleep_asleep_seconds",
    value,
    baseline: toBaseline(normal, "sleep_asleep_seconds"),
    z: Math.min(1, (value - need) / normal.sd),
    deviation: (value - normal.mean) / normal.sd,
    baselineDays: normal.days,
    finding: shortBy >= 60 ? `Sleep ${formatDuration(shortBy)} short of your ${formatDuration(need)} need` : `Sleep met your ${formatDuration(need)} need`,
  };
}

export const sleepEfficiencyReading = (inputs: DayInputs): Reading =>
  measuredAgainstNormal(inputs, { key: "sleep_efficiency", normalKey: "sleep_efficiency", label: "Sleep efficiency", noun: "sleep efficiency", direction: "higher" });

/** Sleep timing: a midpoint SD of 45 min over 14 nights is neutral; every 22.5 min less (more) is +1 (−1) SD. */
export const REGULARITY_NEUTRAL_SECONDS = 2700;
export const REGULARITY_SD_SECONDS = 1350;
export const MIN_REGULARITY_NIGHTS = 7;

export function sleepRegularityReading(inputs: DayInputs): Reading {
  const nights = inputs.midpoints;
  if (!nights) return missing("sleep_regularity", "sleep_midpoint_sd", null, "No sleep timing for last night");
  if (nights.nights < MIN_REGULARITY_NIGHTS || nights.sd === null) {
    return missing("sleep_regularity", "sleep_midpoint_sd", null, building("Sleep timing", nights.nights, MIN_REGULARITY_NIGHTS, "nights"));
  }
  return {
    key: "sleep_regularity",
    measure: "sleep_midpoint_sd",
    value: Math.round(nights.sd),
    baseline: null,
    z: (REGULARITY_NEUTRAL_SECONDS - nights.sd) / REGULARITY_SD_SECONDS,
    deviation: null,
    baselineDays: null,
    finding: `Sleep midpoint varied ±${formatDuration(nights.sd)} over ${nights.nights} nights`,
  };
}

/**
 * Acute (7-day) against chronic (28-day) load. A ratio of 0.8–1.3 is balanced (+1 SD); each 0.1
 * beyond either end costs 1 SD, so both a spike and a slump count against the score.
 */
export const BALANCED_LOAD = { low: 0.8, high: 1.3 } as const;
export const MIN_ACUTE_DAYS = 4;
export const MIN_CHRONIC_DAYS = 14;

export function activityBalanceReading(inputs: DayInputs): Reading {
  const metric = LOAD_METRICS.find((m) => (inputs.load[m]?.chronic.n ?? 0) >= MIN_CHRONIC_DAYS);
  if (!metric) {
    const days = Math.max(0, ...LOAD_METRICS.map((m) => inputs.load[m]?.chronic.n ?? 0));
    return missing("activity_balance", "active_energy", null, building("Activity balance", days, MIN_CHRONIC_DAYS));
  }
  const { acute, chronic } = inputs.load[metric]!;
  if (acute.n < MIN_ACUTE_DAYS || acute.mean === null || !chronic.mean || chronic.mean <= 0) {
    return missing("activity_balance", metric, null, `Too little activity data in the last 7 days (${acute.n} days)`);
  }
  const ratio = acute.mean / chronic.mean;
  const beyond = ratio < BALANCED_LOAD.low ? BALANCED_LOAD.low - ratio : ratio > BALANCED_LOAD.high ? ratio - BALANCED_LOAD.high : 0;
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    key: "activity_balance",
    measure: metric,
    value: round(acute.mean),
    baseline: {
      mean: round(chronic.mean),
      sd: round(chronic.sd ?? 0),
      low: round(BALANCED_LOAD.low * chronic.mean),
      high: round(BALANCED_LOAD.high * chronic.mean),
      days: chronic.n,
    },
    z: 1 - beyond / 0.1,
    deviation: null,
    baselineDays: null,
    finding:
      beyond === 0
        ? `Activity in balance with your ${CHRONIC_DAYS}-day load`
        : `Activity over the last 7 days ${percent}% ${ratio > 1 ? "above" : "below"} your ${CHRONIC_DAYS}-day load`,
  };
}

export function temperatureReading(inputs: DayInputs): Reading {
  const value = inputs.values.temperature_deviation;
  const label = value === undefined ? "Temperature" : `Temperature ${formatSigned(value)} °C,`;
  return measuredAgainstNormal(inputs, { key: "temperature", normalKey: "temperature_deviation", label: "Temperature", noun: "temperature", direction: "steady" }, label);
}

export const respiratoryRateReading = (inputs: DayInputs): Reading =>
  measuredAgainstNormal(inputs, { key: "respiratory_rate", normalKey: "respiratory_rate", label: "Breathing rate", noun: "breathing rate", direction: "steady" });

/** The journal's 1–10 scale: its middle, and the SD that puts 1 and 10 at −2 and +2 SD (as far as a contributor counts). */
export const JOURNAL_SCALE = { min: 1, max: 10, mid: 5.5, sd: 2.25 } as const;

/** Journal ratings (1–10): against the user's own 60-day normal once 14 entries exist, until then against the scale's middle (5.5 ± 2.25). */
function journalReading(inputs: DayInputs, key: "journal_mood" | "journal_energy", label: string): Reading {
  const value = inputs.values[key]!;
  if (inputs.normals[key]) return measuredAgainstNormal(inputs, { key, normalKey: key, label, noun: label.toLowerCase(), direction: "higher" });
  const deviation = (value - JOURNAL_SCALE.mid) / JOURNAL_SCALE.sd;
  return {
    key,
    measure: key,
    value,
    baseline: { mean: JOURNAL_SCALE.mid, sd: JOURNAL_SCALE.sd, low: JOURNAL_SCALE.mid - JOURNAL_SCALE.sd, high: JOURNAL_SCALE.mid + JOURNAL_SCALE.sd, days: 0 },
    z: deviation,
    deviation,
    baselineDays: null,
    finding: `You rated your ${label.toLowerCase()} ${value} of ${JOURNAL_SCALE.max}`,
  };
}

/**
 * Every contributor's reading of the day, in CONTRIBUTOR_KEYS order. The journal ratings are
 * optional inputs, not missing data: they are listed only on days that have them.
 */
export function readingsOf(inputs: DayInputs): Reading[] {
  const readings = [
    hrvReading(inputs),
    restingHeartRateReading(inputs),
    sleepDurationReading(inputs),
    sleepEfficiencyReading(inputs),
    sleepRegularityReading(inputs),
    activityBalanceReading(inputs),
    temperatureReading(inputs),
    respiratoryRateReading(inputs),
  ];
  if (inputs.values.journal_mood !== undefined) readings.push(journalReading(inputs, "journal_mood", "Mood"));
  if (inputs.values.journal_energy !== undefined) readings.push(journalReading(inputs, "journal_energy", "Energy"));
  return readings;
}
