import type { FoundCorrelation } from "../stage";
import { alignPairs, byDayNumber, type DayIndexed } from "./align";
import { binarySentence, continuousSentence, strengthOf } from "./describe";
import { controlFalseDiscoveries } from "./fdr";
import type { DailySeries } from "./series";
import { binaryTest, continuousTest } from "./statistics";

/** x on day d against y on day d + lag. */
export const LAGS = [0, 1, 2, 3] as const;

export interface CorrelationResult extends FoundCorrelation {
  /** The raw p the false-discovery control adjusted (continuous: the larger of Pearson's and Spearman's). */
  pValue: number;
  pearsonR: number | null;
  pearsonP: number | null;
  spearmanRho: number | null;
  spearmanP: number | null;
}

type Tested = Omit<CorrelationResult, "qValue" | "significant" | "strength" | "sentence"> & { xSeries: DailySeries; ySeries: DailySeries };

/**
 * Every pair x → y worth testing: y is continuous; a series is not paired with itself (its
 * autocorrelation says nothing about a relationship); on the same day, two series of one family
 * (sleep and "slept under 6 h") are not paired, nor the score with what it is computed from, and
 * two continuous series are tested once (r is symmetric).
 */
export function pairsToTest(series: DailySeries[]): { x: DailySeries; y: DailySeries; lag: number }[] {
  const out: { x: DailySeries; y: DailySeries; lag: number }[] = [];
  series.forEach((x, xi) => {
    series.forEach((y, yi) => {
      if (y.kind !== "continuous" || x.key === y.key) return;
      for (const lag of LAGS) {
        if (lag === 0) {
          if ((x.family ?? x.key) === (y.family ?? y.key)) continue;
          if ((x.key === "score" && y.feedsScore) || (y.key === "score" && x.feedsScore)) continue;
          if (x.kind === "continuous" && yi < xi) continue;
        }
        out.push({ x, y, lag });
      }
    });
  });
  return out;
}

/**
 * Tests every pair (Pearson and Spearman for continuous x, Welch for yes/no x), then controls the
 * false-discovery rate over all of them at once. Pairs without enough data are not tested and do
 * not count. Ordered by q, most convincing first.
 */
export function findCorrelations(series: DailySeries[]): CorrelationResult[] {
  const indexed = new Map<string, DayIndexed>(series.map((s) => [s.key, byDayNumber(s.values)]));
  const tested: Tested[] = [];
  for (const { x, y, lag } of pairsToTest(series)) {
    const { xs, ys } = alignPairs(indexed.get(x.key)!, indexed.get(y.key)!, lag);
    const base = { x: x.key, y: y.key, lag, kind: x.kind, xSeries: x, ySeries: y };
    if (x.kind === "binary") {
      const t = binaryTest(xs, ys);
      if (!t) continue;
      tested.push({ ...base, n: t.n, pValue: t.p, effect: t.relativeDifference, effectLow: t.ciLow, effectHigh: t.ciHigh, pearsonR: null, pearsonP: null, spearmanRho: null, spearmanP: null });
    } else {
      const t = continuousTest(xs, ys);
      if (!t) continue;
      tested.push({
        ...base,
        n: t.n,
        pValue: t.p,
        effect: t.pearsonR,
        effectLow: t.ciLow,
        effectHigh: t.ciHigh,
        pearsonR: t.pearsonR,
        pearsonP: t.pearsonP,
        spearmanRho: t.spearmanRho,
        spearmanP: t.spearmanP,
      });
    }
  }
  const { qValues, significant: kept } = controlFalseDiscoveries(tested.map((t) => t.pValue));
  return tested
    .map(({ xSeries, ySeries, ...t }, i) => {
      const qValue = qValues[i]!;
      const significant = kept[i]!;
      const strength = strengthOf(t.kind, t.effect);
      const sentence =
        t.kind === "binary"
          ? binarySentence(xSeries, ySeries, t.lag, { relativeDifference: t.effect, n: t.n, strength, significant })
          : continuousSentence(xSeries, ySeries, t.lag, { r: t.effect, n: t.n, strength, significant });
      return { ...t, qValue, significant, strength, sentence };
    })
    .sort((a, b) => a.qValue - b.qValue || a.pValue - b.pValue);
}
