import type { DailySeries } from "./series";

export type Strength = "weak" | "moderate" | "strong";

/**
 * Strength words from |effect|. Continuous (|r|, Cohen's conventions): below 0.3 weak, from 0.3
 * moderate, from 0.5 strong. Binary (relative difference of means): below 5% weak, from 5%
 * moderate, from 10% strong (day-to-day swings of HRV or sleep are about 10%).
 */
export const STRENGTH_THRESHOLDS = {
  continuous: { moderate: 0.3, strong: 0.5 },
  binary: { moderate: 0.05, strong: 0.1 },
} as const;

export function strengthOf(kind: "continuous" | "binary", effect: number): Strength {
  const t = STRENGTH_THRESHOLDS[kind];
  const size = Math.abs(effect);
  return size >= t.strong ? "strong" : size >= t.moderate ? "moderate" : "weak";
}

interface Wording {
  /** The x side of a continuous pair: "your HRV was higher". */
  rise: string;
  /** The y side: which way it went, with a percentage when known. */
  outcome(direction: 1 | -1, percent?: number): string;
  same: string;
}

function was(subject: string, up = "higher", down = "lower"): Wording {
  return {
    rise: `${subject} was ${up}`,
    outcome: (direction, percent) => `${subject} was ${percent === undefined ? "" : `${percent}% `}${direction > 0 ? up : down}`,
    same: `${subject} was about the same`,
  };
}

function did(subjectVerb: string, up: string, down: string): Wording {
  return {
    rise: `${subjectVerb} ${up}`,
    outcome: (direction, percent) => `${subjectVerb} ${percent === undefined ? "" : `${percent}% `}${direction > 0 ? up : down}`,
    same: `${subjectVerb} about the same`,
  };
}

const WORDING: Record<string, Wording> = {
  sleep_asleep_seconds: did("you slept", "longer", "less"),
  sleep_efficiency: was("your sleep efficiency"),
  hrv_rmssd: was("your HRV"),
  resting_heart_rate: was("your resting heart rate"),
  steps: did("you walked", "more", "less"),
  active_energy: was("your active energy"),
  score: was("your energy score"),
};

const CONDITIONS: Record<string, string> = {
  sleep_under_6h: "you slept under 6 h",
  steps_10k: "you walked 10,000 steps or more",
};

function wordingOf(series: DailySeries): Wording {
  return WORDING[series.key] ?? was(series.label ?? `your ${series.key.replaceAll("_", " ")}`);
}

function conditionOf(series: DailySeries): string {
  return CONDITIONS[series.key] ?? series.label ?? `you tagged “${series.key.replaceAll("_", " ")}”`;
}

const LAG_PREFIX = ["On days", "On days after", "Two days after", "Three days after"];

function tail(n: number, strength: Strength, significant: boolean, stat?: string): string {
  return [stat, `n = ${n}`, strength, significant ? null : "not significant"].filter(Boolean).join("; ");
}

/** "On days after you slept under 6 h, your HRV was 11% lower; n = 41; strong". */
export function binarySentence(x: DailySeries, y: DailySeries, lag: number, r: { relativeDifference: number; n: number; strength: Strength; significant: boolean }): string {
  const percent = Math.round(Math.abs(r.relativeDifference) * 100);
  const outcome = percent === 0 ? wordingOf(y).same : wordingOf(y).outcome(r.relativeDifference > 0 ? 1 : -1, percent);
  return `${LAG_PREFIX[lag]} ${conditionOf(x)}, ${outcome}; ${tail(r.n, r.strength, r.significant)}`;
}

/** "On days after you slept longer, your HRV was higher; r = 0.42; n = 41; moderate". */
export function continuousSentence(x: DailySeries, y: DailySeries, lag: number, r: { r: number; n: number; strength: Strength; significant: boolean }): string {
  const rounded = Math.round(r.r * 100) / 100;
  const outcome = rounded === 0 ? wordingOf(y).same : wordingOf(y).outcome(r.r > 0 ? 1 : -1);
  return `${LAG_PREFIX[lag]} ${wordingOf(x).rise}, ${outcome}; ${tail(r.n, r.strength, r.significant, `r = ${rounded.toFixed(2).replace("-", "−")}`)}`;
}
