import { describe, expect, it } from "vitest";
import { normalFrom, toBaseline } from "./baselines";
import { slidingStats } from "./windows";

describe("baselines", () => {
  it("need 14 days of the metric", () => {
    expect(normalFrom({ n: 13, mean: 60, sd: 3 }, "resting_heart_rate")).toBeNull();
    expect(normalFrom({ n: 14, mean: 60, sd: 3 }, "resting_heart_rate")).toEqual({ mean: 60, sd: 3, days: 14 });
  });

  it("rest on the 60 days before the day, not the day itself", () => {
    // Resting HR 50 on days 0–29 and 60 on days 30–59; day 60 reads 99 (excluded from its own baseline).
    const points = Array.from({ length: 61 }, (_, day) => ({ day, value: day === 60 ? 99 : day < 30 ? 50 : 60 }));
    const [stats] = slidingStats(points, [60], -60, -1);
    const normal = normalFrom(stats!, "resting_heart_rate")!;
    // mean (30·50 + 30·60) / 60 = 55; sd = √(60 · 25 / 59) = √(1500 / 59) ≈ 5.042.
    expect(normal.mean).toBeCloseTo(55, 10);
    expect(normal.sd).toBeCloseTo(Math.sqrt(1500 / 59), 10);
    // Band ±1 SD: 55 ∓ 5.042.
    expect(toBaseline(normal, "resting_heart_rate")).toEqual({ mean: 55, sd: 5.042, low: 49.958, high: 60.042, days: 60 });
  });

  it("floor the SD of a very steady series", () => {
    // 20 nights of exactly 7 h: sd 0, floored to 45 min (2700 s).
    expect(normalFrom({ n: 20, mean: 25200, sd: 0 }, "sleep_asleep_seconds")).toEqual({ mean: 25200, sd: 2700, days: 20 });
  });

  it("keep HRV on ln and store the band in ms as exp of the ln band (±0.5 SD)", () => {
    // ln mean ln(50), ln sd 0.2 → geometric mean 50 ms, band exp(ln 50 ∓ 0.1) = 50·e^∓0.1 = 45.24 … 55.26 ms;
    // sd in ms near the mean 50 · 0.2 = 10.
    const baseline = toBaseline({ mean: Math.log(50), sd: 0.2, days: 30 }, "hrv_rmssd");
    expect(baseline).toEqual({ mean: 50, sd: 10, low: 45.24, high: 55.26, days: 30 });
  });
});
