/**
 * The fixed latency histogram every request-metrics bucket carries. Bucket i holds durations in
 * [BOUNDS[i-1], BOUNDS[i]) milliseconds (bucket 0 from 0, the last one from 10 s up), so buckets of
 * any number of minutes and instances merge by adding their counts.
 *
 * Resolution: a quantile is interpolated inside the bucket its rank falls in, so it is only known to
 * lie in that bucket (e.g. 250-500 ms). The status thresholds (500 ms, 2000 ms) are bounds, so the
 * colour is exact: an estimate reaches a bound exactly when the true quantile does.
 */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000] as const;

/** Number of counts per histogram: one per bound plus the overflow bucket. */
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

export type LatencyCounts = number[];

export function emptyCounts(): LatencyCounts {
  return new Array<number>(LATENCY_BUCKETS).fill(0);
}

/** Index of the bucket `durationMs` falls in. */
export function bucketIndex(durationMs: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs < bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

/** Adds `from` into `into` (same length) and returns `into`. */
export function addCounts(into: LatencyCounts, from: readonly number[]): LatencyCounts {
  for (let i = 0; i < LATENCY_BUCKETS; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The `q` quantile (0 < q ≤ 1) by nearest rank, interpolated inside its bucket; null for no
 * samples. In the overflow bucket it is its lower bound (10 s): "at least".
 */
export function quantileMs(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let before = 0;
  for (let i = 0; i < LATENCY_BUCKETS; i++) {
    const inBucket = counts[i] ?? 0;
    if (before + inBucket >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i];
      if (upper === undefined) return lower;
      // The rank's position inside the bucket, strictly between its bounds.
      return lower + ((upper - lower) * (rank - before - 0.5)) / inBucket;
    }
    before += inBucket;
  }
  return null;
}
