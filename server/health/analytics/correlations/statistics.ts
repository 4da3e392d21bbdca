import pcorrTest from "@stdlib/stats-pcorrtest";
import ranks from "@stdlib/stats-ranks";
import ttest2 from "@stdlib/stats-ttest2";
import { mean, sampleVariance } from "simple-statistics";

/** Fewest aligned pairs a pair of series is tested on. */
export const MIN_PAIRS = 14;
/** A yes/no series needs at least this many days with and this many without. */
export const MIN_DAYS_EACH_SIDE = 3;

export interface ContinuousTest {
  n: number;
  pearsonR: number;
  pearsonP: number;
  spearmanRho: number;
  spearmanP: number;
  /** 95% interval of Pearson r (Fisher z). */
  ciLow: number;
  ciHigh: number;
  /** The pair's p for the false-discovery control: the larger of the two (both must agree). */
  p: number;
}

/**
 * Pearson r with its t-test p and Fisher-z interval, and Spearman ρ as Pearson on average ranks
 * (so ties are handled) with the same t approximation. Null when there are too few pairs or either
 * side does not vary (no correlation is defined).
 */
export function continuousTest(xs: number[], ys: number[]): ContinuousTest | null {
  const n = xs.length;
  if (n < MIN_PAIRS || n !== ys.length || !varies(xs) || !varies(ys)) return null;
  const pearson = pcorrTest(xs, ys);
  const spearman = pcorrTest(ranks(xs), ranks(ys));
  return {
    n,
    pearsonR: pearson.pcorr,
    pearsonP: pearson.pValue,
    spearmanRho: spearman.pcorr,
    spearmanP: spearman.pValue,
    ciLow: pearson.ci[0]!,
    ciHigh: pearson.ci[1]!,
    p: Math.max(pearson.pValue, spearman.pValue),
  };
}

export interface BinaryTest {
  n: number;
  daysWith: number;
  daysWithout: number;
  meanWith: number;
  meanWithout: number;
  /** Welch two-sample t-test p. */
  p: number;
  /** (mean with − mean without) / mean without, with its 95% interval. */
  relativeDifference: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Welch's two-sample t-test of y on days with (flag 1) against days without (flag 0). The effect
 * is the relative difference of the means, meanWith / meanWithout − 1. Its 95% interval comes from
 * the delta method on the ratio of two independent means, Var(a/b) ≈ Va/b² + a²·Vb/b⁴ with
 * V = s²/n per group, times the t quantile of the Welch test's own interval, so the uncertainty of
 * the "without" mean counts too. Null when a side has fewer than MIN_DAYS_EACH_SIDE days, there are
 * fewer than MIN_PAIRS days in all, y varies within neither group, or the "without" mean
 * is not positive (a relative difference needs a ratio-scale outcome).
 */
export function binaryTest(flags: number[], ys: number[]): BinaryTest | null {
  const n = flags.length;
  if (n < MIN_PAIRS || n !== ys.length) return null;
  const withDays = ys.filter((_, i) => flags[i] === 1);
  const withoutDays = ys.filter((_, i) => flags[i] !== 1);
  if (withDays.length < MIN_DAYS_EACH_SIDE || withoutDays.length < MIN_DAYS_EACH_SIDE) return null;
  const a = mean(withDays);
  const b = mean(withoutDays);
  if (!(b > 0)) return null;
  const va = sampleVariance(withDays) / withDays.length;
  const vb = sampleVariance(withoutDays) / withoutDays.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return null;
  const welch = ttest2(withDays, withoutDays);
  // The Welch interval is (a − b) ± t·√(va + vb): its half width over the standard error is t.
  const t = (welch.ci[1]! - welch.ci[0]!) / 2 / se;
  const seRatio = Math.sqrt(va / (b * b) + (a * a * vb) / (b * b * b * b));
  const relativeDifference = a / b - 1;
  return {
    n,
    daysWith: withDays.length,
    daysWithout: withoutDays.length,
    meanWith: a,
    meanWithout: b,
    p: welch.pValue,
    relativeDifference,
    ciLow: relativeDifference - t * seRatio,
    ciHigh: relativeDifference + t * seRatio,
  };
}

function varies(values: number[]): boolean {
  return values.some((v) => v !== values[0]);
}
