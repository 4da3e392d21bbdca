import { describe, expect, it } from "vitest";
import { addCounts, bucketIndex, emptyCounts, LATENCY_BOUNDS_MS, LATENCY_BUCKETS, quantileMs } from "./histogram";

const countsOf = (durations: number[]) => {
  const counts = emptyCounts();
  for (const d of durations) counts[bucketIndex(d)]! += 1;
  return counts;
};

describe("latency histogram", () => {
  it("puts a duration in the bucket whose lower bound it reaches", () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(4.99)).toBe(0);
    expect(bucketIndex(5)).toBe(1);
    expect(bucketIndex(499.9)).toBe(LATENCY_BOUNDS_MS.indexOf(500));
    expect(bucketIndex(500)).toBe(LATENCY_BOUNDS_MS.indexOf(500) + 1);
    expect(bucketIndex(60_000)).toBe(LATENCY_BUCKETS - 1);
  });

  it("estimates the p95 inside the bucket the true p95 is in", () => {
    const durations = [...Array.from({ length: 95 }, (_, i) => 10 + i), ...Array.from({ length: 5 }, () => 3000)];
    // The 95th of 100 sorted values is 104 ms: in [100, 250).
    const p95 = quantileMs(countsOf(durations), 0.95)!;
    expect(p95).toBeGreaterThanOrEqual(100);
    expect(p95).toBeLessThan(250);
  });

  it("reaches a threshold bound exactly when the true quantile does", () => {
    const under = quantileMs(countsOf([...Array.from({ length: 95 }, () => 499), 9000, 9000, 9000, 9000, 9000]), 0.95)!;
    const at = quantileMs(countsOf([...Array.from({ length: 95 }, () => 500), 9000, 9000, 9000, 9000, 9000]), 0.95)!;
    expect(under).toBeLessThan(500);
    expect(at).toBeGreaterThanOrEqual(500);
  });

  it("says 'at least 10 s' for the overflow bucket and null for no samples", () => {
    expect(quantileMs(countsOf([20_000, 30_000]), 0.95)).toBe(10_000);
    expect(quantileMs(emptyCounts(), 0.95)).toBeNull();
  });

  it("merges histograms by adding counts", () => {
    const merged = addCounts(countsOf([1, 600]), countsOf([1, 3000]));
    expect(merged.reduce((a, b) => a + b, 0)).toBe(4);
    expect(merged[0]).toBe(2);
  });
});
