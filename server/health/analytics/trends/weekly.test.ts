import { describe, expect, it } from "vitest";
import { weeklyOverview, weeklyWindowStart } from "./weekly";

describe("weekly overview", () => {
  it("means per ISO week and the change against the week before", () => {
    // Today is Wednesday 2026-06-17; its week began Monday 2026-06-15. Two weeks asked: 06-08 and 06-15, with 06-01 read for the first change.
    expect(weeklyWindowStart("2026-06-17", 2)).toBe("2026-06-01");
    const weeks = weeklyOverview(
      [
        { date: "2026-06-03", values: { steps: 8000, hrv_rmssd: 40 } },
        { date: "2026-06-08", values: { steps: 10_000, hrv_rmssd: 44, score: 70 } },
        { date: "2026-06-14", values: { steps: 6000, score: 80 } },
        { date: "2026-06-16", values: { steps: 9000, hrv_rmssd: 55, score: 60 } },
        { date: "2026-06-18", values: { steps: 99_999 } }, // after today: ignored
      ],
      "2026-06-17",
      2,
    );
    expect(weeks.map((w) => [w.week, w.end])).toEqual([
      ["2026-06-08", "2026-06-14"],
      ["2026-06-15", "2026-06-17"],
    ]);
    const [first, second] = weeks;
    // Week of 06-08: steps (10,000 + 6,000) / 2 = 8,000; the week before: 8,000 → change 0.
    expect(first!.figures.steps).toEqual({ avg: 8000, days: 2, change: 0, changeRatio: 0 });
    // HRV 44 against 40: +4, +10 %.
    expect(first!.figures.hrv_rmssd).toEqual({ avg: 44, days: 1, change: 4, changeRatio: 0.1 });
    // No score the week before: no change.
    expect(first!.figures.score).toEqual({ avg: 75, days: 2, change: null, changeRatio: null });
    // Week of 06-15: score 60 against 75 → −15, −20 %; steps 9,000 against 8,000 → +12.5 %.
    expect(second!.figures.score).toEqual({ avg: 60, days: 1, change: -15, changeRatio: -0.2 });
    expect(second!.figures.steps.changeRatio).toBe(0.125);
    expect(second!.figures.resting_heart_rate).toEqual({ avg: null, days: 0, change: null, changeRatio: null });
    // Weeks without any value are not listed.
    expect(weeklyOverview([{ date: "2026-06-16", values: { steps: 1 } }], "2026-06-17", 4).map((w) => w.week)).toEqual(["2026-06-15"]);
  });
});
