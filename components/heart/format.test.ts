import { describe, expect, it } from "vitest";
import { againstBand, daySummary } from "./format";

describe("heart wording", () => {
  it("reads a value against the normal range, with good and bad directions", () => {
    const band = { low: 52, high: 58 };
    expect(againstBand(55, band, "bpm", 0, false)).toEqual({ text: "Within your normal range (52–58 bpm)", tone: "good" });
    // Resting HR 62 is 62 − 58 = 4 above: bad news. HRV 70 ms above a 40–60 band is 10 ms above: good news.
    expect(againstBand(62, band, "bpm", 0, false)).toEqual({ text: "4 bpm above your normal range (52–58 bpm)", tone: "warn" });
    expect(againstBand(70, { low: 40, high: 60 }, "ms", 0, true)).toEqual({ text: "10 ms above your normal range (40–60 ms)", tone: "good" });
    expect(againstBand(55, null, "bpm", 0, false).tone).toBe("neutral");
  });

  it("weights hours by their readings", () => {
    // (60 × 60 + 80 × 30) / 90 = (3,600 + 2,400) / 90 = 66.67
    const summary = daySummary([
      { avg: 60, min: 50, max: 70, count: 60 },
      { avg: 80, min: 65, max: 120, count: 30 },
    ]);
    expect(summary?.avg).toBeCloseTo(66.667, 3);
    expect(summary).toMatchObject({ min: 50, max: 120 });
    expect(daySummary([])).toBeNull();
  });
});
