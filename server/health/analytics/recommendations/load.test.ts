import { describe, expect, it } from "vitest";
import { loadOf } from "./load";
import { contributor, loadDays, TODAY } from "./testing/fixtures";

describe("loadOf", () => {
  it("is the 7-day mean against the 28-day mean of active energy", () => {
    // 21 days at 1000 kJ and 7 at 1800: acute 1800, chronic (21,000 + 12,600) / 28 = 1200, ratio 1.5.
    expect(loadOf(loadDays(1000, 1800), TODAY)).toEqual({ metric: "active_energy", acute: 1800, chronic: 1200, ratio: 1.5 });
  });

  it("falls back to steps, needs 14 days of the 28 and 4 of the 7", () => {
    expect(loadOf(loadDays(8000, 8000, "steps"), TODAY)).toMatchObject({ metric: "steps", ratio: 1 });
    expect(loadOf(loadDays(1000, 1000).slice(-13), TODAY)).toBeNull();
    // 24 days at 1000 then 3 days of the last 7 missing: 4 left → still judged; 4 missing → not.
    expect(loadOf(loadDays(1000, 1000).slice(0, 25), TODAY)).toMatchObject({ acute: 1000 });
    expect(loadOf(loadDays(1000, 1000).slice(0, 24), TODAY)).toBeNull();
  });

  it("takes the score's activity_balance contributor when it has a value and a baseline", () => {
    const balance = contributor("activity_balance", { measure: "active_energy", value: 900, baseline: { mean: 1200, sd: 100, low: 960, high: 1560, days: 28 } });
    expect(loadOf([], TODAY, balance)).toEqual({ metric: "active_energy", acute: 900, chronic: 1200, ratio: 0.75 });
    expect(loadOf(loadDays(1000, 1000), TODAY, contributor("activity_balance", { value: null }))).toMatchObject({ ratio: 1 });
  });
});
