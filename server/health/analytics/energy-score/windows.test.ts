import { describe, expect, it } from "vitest";
import { dayNumber, slidingStats } from "./windows";

describe("slidingStats", () => {
  it("keeps the stats of the points inside each window, gaps and all", () => {
    // Points on days 0, 1, 2, 4 (day 3 missing): values 2, 4, 6, 10.
    const points = [
      { day: 0, value: 2 },
      { day: 1, value: 4 },
      { day: 2, value: 6 },
      { day: 4, value: 10 },
    ];
    // Window [t−2, t−1] (the two days before t).
    const stats = slidingStats(points, [0, 1, 2, 3, 4, 5, 6, 7], -2, -1);
    expect(stats.map((s) => s.n)).toEqual([0, 1, 2, 2, 1, 1, 1, 0]);
    // t = 2: days 0, 1 → mean 3, sd √((1 + 1) / 1) = √2.
    expect(stats[2]!.mean).toBeCloseTo(3, 12);
    expect(stats[2]!.sd).toBeCloseTo(Math.SQRT2, 12);
    // t = 4: days 2, 3 → only day 2 (6); one point has no sd.
    expect(stats[4]).toEqual({ n: 1, mean: 6, sd: null });
    // t = 5: days 3, 4 → only day 4 (10).
    expect(stats[5]!.mean).toBe(10);
    expect(stats[7]).toEqual({ n: 0, mean: null, sd: null });
  });

  it("includes the target day when the window ends on it", () => {
    const points = [1, 2, 3, 4, 5, 6, 7, 8].map((value, day) => ({ day, value }));
    // 7-day window ending on day 7: values 2..8 → mean 5; sd of 2..8 = √(Σ(k−5)² / 6) = √(28 / 6).
    const [stats] = slidingStats(points, [7], -6, 0);
    expect(stats!.n).toBe(7);
    expect(stats!.mean).toBeCloseTo(5, 12);
    expect(stats!.sd).toBeCloseTo(Math.sqrt(28 / 6), 12);
  });

  it("stays exact for large values with a small spread", () => {
    const points = Array.from({ length: 60 }, (_, day) => ({ day, value: 1e9 + (day % 2) }));
    const [stats] = slidingStats(points, [60], -60, -1);
    // 30 values of 1e9 and 30 of 1e9 + 1: mean 1e9 + 0.5, sd √(60 · 0.25 / 59).
    expect(stats!.mean).toBe(1e9 + 0.5);
    expect(stats!.sd).toBeCloseTo(Math.sqrt(15 / 59), 9);
  });

  it("numbers days from the epoch", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-03-09") - dayNumber("2026-03-08")).toBe(1);
  });
});
