import { describe, expect, it } from "vitest";
import { secondsPerLevel, stageLevelOf } from "./stages";

describe("sleep stage levels", () => {
  it("draws deep lowest, awake highest, and skips unknown stretches", () => {
    expect(["deep", "light", "asleep", "rem", "awake", "out_of_bed", "unknown"].map(stageLevelOf)).toEqual([0, 1, 1, 2, 3, 3, null]);
    const at = (hhmm: string) => `2026-06-02T${hhmm}:00Z`;
    // 30 min light, 60 min deep, 10 min awake, 20 min REM, 15 min unknown (not counted).
    expect(
      secondsPerLevel([
        { stage: "light", start: at("00:00"), end: at("00:30") },
        { stage: "deep", start: at("00:30"), end: at("01:30") },
        { stage: "awake", start: at("01:30"), end: at("01:40") },
        { stage: "rem", start: at("01:40"), end: at("02:00") },
        { stage: "unknown", start: at("02:00"), end: at("02:15") },
      ]),
    ).toEqual([3600, 1800, 1200, 600]);
  });
});
