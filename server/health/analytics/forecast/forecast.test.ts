import { describe, expect, it } from "vitest";
import { addDays } from "@/server/health/local-date";
import { Rng } from "@/server/health/demo/prng";
import { forecastFrom } from "./forecast";
import { forecastAhead } from "./holt-winters";

const MADE_ON = "2026-05-31";
const noisy = (seed: string, days: number, mean: number, sd: number) => {
  const rng = new Rng(seed);
  return new Map(Array.from({ length: days }, (_, i) => [addDays(MADE_ON, i - days + 1), mean + 4 * Math.sin((2 * Math.PI * i) / 7) + rng.normal(0, sd)]));
};
const open = { min: 0, max: Infinity };

describe("forecastFrom", () => {
  it("forecasts the 7 days after the origin in order, with an 80% interval that holds the point and widens", () => {
    const { points, model } = forecastFrom(noisy("shape", 200, 60, 3), MADE_ON, open)!;
    expect(points.map((p) => p.targetDate)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05", "2026-06-06", "2026-06-07"]);
    expect(points.map((p) => p.horizon)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const p of points) expect(p.low < p.predicted && p.predicted < p.high).toBe(true);
    for (let i = 1; i < points.length; i++) expect(points[i]!.high - points[i]!.low).toBeGreaterThan(points[i - 1]!.high - points[i - 1]!.low);
    // Half width = z(0.9)·σ_h with z(0.9) = 1.2815515655446004 (the normal quantile at 0.9).
    forecastAhead(model, 7).forEach((f, i) => expect((points[i]!.high - points[i]!.low) / 2).toBeCloseTo(1.2815515655446004 * f.sd, 9));
  });

  it("uses nothing after the origin", () => {
    const values = noisy("leak", 120, 55, 4);
    const before = forecastFrom(values, "2026-05-20", open)!;
    const future = new Map(values);
    for (const [date] of future) if (date > "2026-05-20") future.set(date, 500);
    future.set("2026-07-01", -1);
    expect(forecastFrom(future, "2026-05-20", open)).toEqual(before);
    expect(before.points[0]!.targetDate).toBe("2026-05-21");
  });

  it("clamps the score's forecast and interval into 0–100", () => {
    const high = new Map([...noisy("clamp", 60, 97, 4)].map(([d, v]) => [d, Math.min(100, v)]));
    const { points } = forecastFrom(high, MADE_ON, { min: 0, max: 100 })!;
    expect(points.some((p) => p.high === 100)).toBe(true);
    expect(points.every((p) => p.low >= 0 && p.high <= 100 && p.predicted <= 100)).toBe(true);
  });

  it("needs 14 observed days, the newest within the last week", () => {
    const values = noisy("few", 13, 50, 2);
    expect(forecastFrom(values, MADE_ON, open)).toBeNull();
    values.set(addDays(MADE_ON, -13), 51);
    expect(forecastFrom(values, MADE_ON, open)!.model.method).toBe("simple");
    expect(forecastFrom(values, addDays(MADE_ON, 7), open)).not.toBeNull();
    expect(forecastFrom(values, addDays(MADE_ON, 8), open)).toBeNull();
  });
});
