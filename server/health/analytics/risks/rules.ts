import type { RiskKind, RiskSeverity } from "../types";
import { formatDay, formatHours, signed } from "./format";
import { meanInUnits, onScale, type Normal, type RiskNormalMetric } from "./normals";

/*
 * The risk rules. Each judges single days (a "hit": the day's value, its normal and z) and raises a
 * flag for a run of hits on consecutive calendar days at least `minDays` long (a day without a value
 * ends a run). The flag is dated on the run's last day, with the run's days as evidence.
 *
 * resting_hr_elevated  resting HR z ≥ 2 (z = (value − mean) / SD) on 2 days running.
 *                      Severity = size + length levels: mean z of the run ≥ 2.5 → +1, ≥ 3.5 → +2;
 *                      ≥ 3 days → +1, ≥ 5 days → +2; 0 low, 1 moderate, ≥ 2 high.
 * hrv_suppressed       daily ln rMSSD z ≤ −1 on 3 days running (rMSSD only: SDNN is another measure).
 *                      Size: mean z ≤ −1.5 → +1, ≤ −2.5 → +2; length: ≥ 5 days → +1, ≥ 7 → +2.
 * sleep_debt           sleep_debt_seconds (the 7-night shortfall against the sleep need) ≥ 5 h on a
 *                      day: moderate; ≥ 10 h at any day of the run: high.
 * temperature_deviation  temperature deviation ≥ +0.5 °C, or z ≥ 2 against the personal normal, on a
 *                      day. Severity by the run's largest deviation: ≥ +1.2 °C high; ≥ +0.8 °C or
 *                      z ≥ 3 moderate; else low.
 */

export interface DayHit {
  date: string;
  value: number;
  baselineMean: number | null;
  z: number | null;
}

export interface RuleInput {
  /** The day's value of a daily key (canonical units), undefined when missing. */
  value(key: string, date: string): number | undefined;
  normal(metric: RiskNormalMetric, date: string): Normal | null;
}

export interface RiskRule {
  kind: RiskKind;
  minDays: number;
  /** The rule in words, stored with the evidence. */
  rule: string;
  title: string;
  hit(input: RuleInput, date: string): DayHit | null;
  severity(run: DayHit[]): RiskSeverity;
  detail(run: DayHit[]): string;
}

export const RESTING_HR_Z = 2;
export const HRV_Z = -1;
export const SLEEP_DEBT_MODERATE_SECONDS = 5 * 3600;
export const SLEEP_DEBT_HIGH_SECONDS = 10 * 3600;
export const TEMPERATURE_DELTA_C = 0.5;
export const TEMPERATURE_Z = 2;

const SEVERITIES: readonly RiskSeverity[] = ["low", "moderate", "high"];
const bySum = (...levels: number[]): RiskSeverity => SEVERITIES[Math.min(2, levels.reduce((a, b) => a + b, 0))]!;
const level = (x: number, first: number, second: number) => (x >= second ? 2 : x >= first ? 1 : 0);
const meanZ = (run: DayHit[]) => run.reduce((acc, d) => acc + (d.z ?? 0), 0) / run.length;
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const lastOf = (run: DayHit[]) => run[run.length - 1]!;
const span = (run: DayHit[]) => (run.length === 1 ? `on ${formatDay(run[0]!.date)}` : `on ${run.length} days running, to ${formatDay(lastOf(run).date)}`);

/** A day judged against its normal: value in canonical units, z on the metric's scale. */
function againstNormal(input: RuleInput, metric: RiskNormalMetric, date: string): DayHit | null {
  const value = input.value(metric, date);
  if (value === undefined) return null;
  const normal = input.normal(metric, date);
  const scaled = onScale(metric, value);
  if (!normal || scaled === null) return { date, value, baselineMean: null, z: null };
  return { date, value, baselineMean: round(meanInUnits(metric, normal), 2), z: round((scaled - normal.mean) / normal.sd, 2) };
}

const restingHr: RiskRule = {
  kind: "resting_hr_elevated",
  minDays: 2,
  rule: `resting HR ≥ ${RESTING_HR_Z} SD above your normal on 2 days running`,
  title: "Resting heart rate elevated",
  hit(input, date) {
    const day = againstNormal(input, "resting_heart_rate", date);
    return day?.z != null && day.z >= RESTING_HR_Z ? day : null;
  },
  severity: (run) => bySum(level(meanZ(run), 2.5, 3.5), level(run.length, 3, 5)),
  detail(run) {
    const last = lastOf(run);
    return `Resting heart rate ${Math.round(last.value)} bpm against your normal ${Math.round(last.baselineMean!)} bpm (${signed(meanZ(run), 1)} SD on average) ${span(run)}. It often rises with strain, short sleep, alcohol or an infection starting.`;
  },
};

const hrv: RiskRule = {
  kind: "hrv_suppressed",
  minDays: 3,
  rule: `daily HRV (ln rMSSD) ≤ ${Math.abs(HRV_Z)} SD below your normal on 3 days running`,
  title: "HRV suppressed",
  hit(input, date) {
    const day = againstNormal(input, "hrv_rmssd", date);
    return day?.z != null && day.z <= HRV_Z ? day : null;
  },
  severity: (run) => bySum(level(-meanZ(run), 1.5, 2.5), level(run.length, 5, 7)),
  detail(run) {
    const last = lastOf(run);
    return `HRV ${Math.round(last.value)} ms against your normal ${Math.round(last.baselineMean!)} ms (${signed(meanZ(run), 1)} SD on average) ${span(run)}. Your body is under more load than usual: recovery comes first.`;
  },
};

const sleepDebt: RiskRule = {
  kind: "sleep_debt",
  minDays: 1,
  rule: `sleep debt (7-night shortfall against your need) ≥ ${SLEEP_DEBT_MODERATE_SECONDS / 3600} h; ≥ ${SLEEP_DEBT_HIGH_SECONDS / 3600} h is high`,
  title: "Sleep debt",
  hit(input, date) {
    const debt = input.value("sleep_debt_seconds", date);
    return debt !== undefined && debt >= SLEEP_DEBT_MODERATE_SECONDS ? { date, value: debt, baselineMean: null, z: null } : null;
  },
  severity: (run) => (Math.max(...run.map((d) => d.value)) >= SLEEP_DEBT_HIGH_SECONDS ? "high" : "moderate"),
  detail(run) {
    const last = lastOf(run);
    const since = run.length > 1 ? ` (over ${SLEEP_DEBT_MODERATE_SECONDS / 3600} h since ${formatDay(run[0]!.date)})` : "";
    return `You slept ${formatHours(last.value)} less than you need over the 7 nights to ${formatDay(last.date)}${since}.`;
  },
};

const temperature: RiskRule = {
  kind: "temperature_deviation",
  minDays: 1,
  rule: `temperature ≥ +${TEMPERATURE_DELTA_C} °C above usual, or ≥ ${TEMPERATURE_Z} SD above your normal`,
  title: "Temperature raised",
  hit(input, date) {
    const day = againstNormal(input, "temperature_deviation", date);
    if (!day) return null;
    return day.value >= TEMPERATURE_DELTA_C || (day.z !== null && day.z >= TEMPERATURE_Z) ? day : null;
  },
  severity(run) {
    const peak = Math.max(...run.map((d) => d.value));
    const peakZ = Math.max(...run.map((d) => d.z ?? -Infinity));
    if (peak >= 1.2) return "high";
    return peak >= 0.8 || peakZ >= 3 ? "moderate" : "low";
  },
  detail(run) {
    const last = lastOf(run);
    const z = last.z === null ? "" : ` (${signed(last.z, 1)} SD against your normal)`;
    return `Temperature ${signed(last.value, 1)} °C from your usual${z} ${span(run)}. A rise like this can come before you feel ill.`;
  },
};

export const RISK_RULES: readonly RiskRule[] = [restingHr, hrv, sleepDebt, temperature];
