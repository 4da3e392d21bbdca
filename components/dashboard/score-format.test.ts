import { describe, expect, it } from "vitest";
import { HRV_CONTRIBUTOR } from "@/server/health/analytics/insights/testing/rows";
import { calibrationProgress, sortedContributors, weekOf } from "./score-format";

describe("score display helpers", () => {
  it("measures calibration from the days left of 14", () => {
    // 14 − 9 = 5 of 14 days done.
    expect(calibrationProgress(9)).toBeCloseTo(5 / 14);
    expect(calibrationProgress(14)).toBe(0);
    expect(calibrationProgress(0)).toBe(1);
    expect(calibrationProgress(20)).toBe(0);
  });

  it("orders contributors by how far they moved the score, missing ones last", () => {
    const c = (key: "hrv" | "sleep_duration" | "temperature" | "resting_heart_rate", points: number, value: number | null = 1) => ({ ...HRV_CONTRIBUTOR, key, points, value });
    expect(sortedContributors([c("hrv", -9), c("sleep_duration", 4), c("temperature", 0, null), c("resting_heart_rate", 12)]).map((x) => x.key)).toEqual([
      "resting_heart_rate",
      "hrv",
      "sleep_duration",
      "temperature",
    ]);
  });

  it("lays out the 7 days ending today, gaps included, across a month end", () => {
    const week = weekOf("2026-07-02", [{ localDate: "2026-06-30" }, { localDate: "2026-07-02" }]);
    expect(week.map((d) => [d.date, d.row !== null])).toEqual([
      ["2026-06-26", false],
      ["2026-06-27", false],
      ["2026-06-28", false],
      ["2026-06-29", false],
      ["2026-06-30", true],
      ["2026-07-01", false],
      ["2026-07-02", true],
    ]);
  });
});
