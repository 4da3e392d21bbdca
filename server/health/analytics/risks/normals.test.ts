import { describe, expect, it } from "vitest";
import { addDays } from "../../local-date";
import { meanInUnits, normalFromBaseline, priorNormal } from "./normals";

const DAY = "2026-03-31";
/** `values[i]` on the day i + 1 days before DAY. */
const before = (values: number[]) => new Map(values.map((v, i) => [addDays(DAY, -(i + 1)), v]));

describe("priorNormal", () => {
  it("is the mean and sample SD of the 60 days before the day, from 14 days on", () => {
    // 14 days alternating 50 and 54: mean 52; each deviates by 2, so variance = 14 · 4 / 13 = 56 / 13, SD ≈ 2.0755.
    const series = before(Array.from({ length: 14 }, (_, i) => (i % 2 ? 54 : 50)));
    const normal = priorNormal(series, "resting_heart_rate", DAY)!;
    expect(normal.mean).toBeCloseTo(52, 10);
    expect(normal.sd).toBeCloseTo(Math.sqrt(56 / 13), 10);
    expect(normal.days).toBe(14);
    expect(priorNormal(before(Array.from({ length: 13 }, () => 50)), "resting_heart_rate", DAY)).toBeNull();
  });

  it("leaves out the day itself and days more than 60 days before it", () => {
    const series = before(Array.from({ length: 60 }, () => 50));
    series.set(DAY, 99);
    series.set(addDays(DAY, -61), 99);
    // Every counted value is 50: SD 0, floored to 1 bpm.
    expect(priorNormal(series, "resting_heart_rate", DAY)).toEqual({ mean: 50, sd: 1, days: 60 });
  });

  it("works on ln rMSSD for HRV, with its floor of 0.05", () => {
    const normal = priorNormal(before(Array.from({ length: 20 }, () => Math.exp(4))), "hrv_rmssd", DAY)!;
    expect(normal.mean).toBeCloseTo(4, 10);
    expect(normal.sd).toBe(0.05);
    expect(meanInUnits("hrv_rmssd", normal)).toBeCloseTo(Math.exp(4), 8);
  });
});

describe("normalFromBaseline", () => {
  it("takes a stored baseline as it is, HRV back to ln (ln mean = ln 50, ln SD = 10 / 50 = 0.2)", () => {
    expect(normalFromBaseline("resting_heart_rate", { mean: 52, sd: 2, low: 50, high: 54, days: 30 })).toEqual({ mean: 52, sd: 2, days: 30 });
    const hrv = normalFromBaseline("hrv_rmssd", { mean: 50, sd: 10, low: 45.24, high: 55.26, days: 30 })!;
    expect(hrv.mean).toBeCloseTo(Math.log(50), 10);
    expect(hrv.sd).toBeCloseTo(0.2, 10);
    expect(normalFromBaseline("temperature_deviation", { mean: 0, sd: 0.02, low: 0, high: 0, days: 30 })).toEqual({ mean: 0, sd: 0.1, days: 30 });
    expect(normalFromBaseline("resting_heart_rate", { mean: 52, sd: 2, low: 50, high: 54, days: 13 })).toBeNull();
  });
});
