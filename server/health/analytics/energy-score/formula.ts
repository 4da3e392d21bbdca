/**
 * The energy score of a day from its contributors' readings.
 *
 *   shareᵢ  = wᵢ / Σⱼ wⱼ            over the contributors present (a z today and weight > 0)
 *   pointsᵢ = 30 · shareᵢ · clamp(zᵢ / 2, −1, 1)
 *   score   = round(70 + Σ pointsᵢ)
 *
 * A day at your normal scores 70; every contributor 2 SD better than normal gives 100, 2 SD worse
 * gives 40 (2 SD is the most one contributor can count, so one wild reading cannot sink the day).
 * Status: peak ≥ 85, good 70–84, fair 55–69, low < 55. Illness guard: while resting HR is ≥ 2 SD
 * above normal, or temperature is ≥ +0.5 °C or ≥ 2 SD above normal, the score is held at 84 at
 * most (never peak) and `guard` says why.
 *
 * Confidence = coverage × baseline age. Coverage is the weight share present of the weight that
 * could be present (the journal counts only on days it has an entry); baseline age is the
 * weighted mean of min(1, days / 60) over the present contributors with a personal baseline.
 */
import { CONTRIBUTOR_KEYS, type Contributor, type ScoreStatus } from "../types";
import { BASELINE_WINDOW_DAYS } from "./baselines";
import type { Reading } from "./contributors";
import { formatPoints, formatSd, formatSigned } from "./format";
import type { EffectiveWeights } from "./weights";

export const NEUTRAL_SCORE = 70;
export const POINTS_RANGE = 30;
export const PEAK_FROM = 85;
export const GUARDED_MAX = PEAK_FROM - 1;
export const FEVER_CELSIUS = 0.5;
export const ABNORMAL_SD = 2;

export function statusOf(score: number): ScoreStatus {
  if (score >= PEAK_FROM) return "peak";
  if (score >= 70) return "good";
  if (score >= 55) return "fair";
  return "low";
}

/** Points of a contributor with z and its renormalised share of the weight. */
export function pointsFor(z: number, share: number): number {
  return POINTS_RANGE * share * Math.max(-1, Math.min(1, z / 2));
}

/** Why the day may not be peak (resting HR or temperature clearly abnormal), or null. */
export function illnessSigns(readings: readonly Reading[]): string | null {
  const signs: string[] = [];
  const rhr = readings.find((r) => r.key === "resting_heart_rate");
  if (rhr?.deviation != null && rhr.deviation >= ABNORMAL_SD) signs.push(`resting heart rate is ${formatSd(rhr.deviation)} SD above your normal`);
  const temperature = readings.find((r) => r.key === "temperature");
  if (temperature?.value != null && temperature.value >= FEVER_CELSIUS) signs.push(`temperature is ${formatSigned(temperature.value)} °C`);
  else if (temperature?.deviation != null && temperature.deviation >= ABNORMAL_SD) signs.push(`temperature is ${formatSd(temperature.deviation)} SD above your normal`);
  return signs.length ? signs.join(" and ") : null;
}

export interface Combined {
  /** null when no weighted contributor could be judged. */
  score: number | null;
  status: ScoreStatus | null;
  confidence: number;
  contributors: Contributor[];
  guard: string | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function combine(readings: readonly Reading[], weights: EffectiveWeights): Combined {
  const counted = (r: Reading) => r.z !== null && weights[r.key] > 0;
  const presentWeight = readings.filter(counted).reduce((sum, r) => sum + weights[r.key], 0);
  const journaled = new Set(readings.filter((r) => r.value !== null).map((r) => r.key));
  const possibleWeight = CONTRIBUTOR_KEYS.filter((key) => !key.startsWith("journal_") || journaled.has(key)).reduce((sum, key) => sum + weights[key], 0);

  let total = NEUTRAL_SCORE;
  const contributors: Contributor[] = readings.map((r) => {
    const base = { key: r.key, measure: r.measure, value: r.value, baseline: r.baseline, z: r.z === null ? null : round(r.z, 2) };
    if (r.z === null) return { ...base, points: 0, weight: 0, explanation: r.finding };
    if (!counted(r)) return { ...base, points: 0, weight: 0, explanation: `${r.finding}: not counted (weight 0)` };
    const share = weights[r.key] / presentWeight;
    const points = pointsFor(r.z, share);
    total += points;
    return { ...base, points: round(points, 1), weight: round(share, 3), explanation: `${r.finding}: ${formatPoints(points)}` };
  });
  if (presentWeight === 0) return { score: null, status: null, confidence: 0, contributors, guard: null };

  const aged = readings.filter((r) => counted(r) && r.baselineDays !== null);
  const agedWeight = aged.reduce((sum, r) => sum + weights[r.key], 0);
  const age = agedWeight === 0 ? 0 : aged.reduce((sum, r) => sum + weights[r.key] * Math.min(1, r.baselineDays! / BASELINE_WINDOW_DAYS), 0) / agedWeight;
  const confidence = round((presentWeight / possibleWeight) * age, 2);

  let score = Math.max(0, Math.min(100, Math.round(total)));
  let guard: string | null = null;
  const signs = score >= PEAK_FROM ? illnessSigns(readings) : null;
  if (signs) {
    score = GUARDED_MAX;
    guard = `Held below peak: ${signs}.`;
  }
  return { score, status: statusOf(score), confidence, contributors, guard };
}
