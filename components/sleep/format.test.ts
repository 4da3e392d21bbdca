import { describe, expect, it } from "vitest";
import { formatDuration } from "@/server/health/analytics/trends/units";
import { againstNeed, efficiencyTone, regularityWord } from "./format";

describe("sleep wording", () => {
  it("reads regularity, efficiency and the need", () => {
    expect([12, 30, 50, 75].map(regularityWord)).toEqual(["Very consistent", "Consistent", "Somewhat irregular", "Irregular"]);
    expect([efficiencyTone(0.9), efficiencyTone(0.8)]).toEqual(["good", "warn"]);
    // 8 h − 7 h 22 min = 38 min short; within 5 minutes counts as met.
    expect(againstNeed(26_520, 28_800, formatDuration)).toBe("38 min short of your 8 h 00 min need");
    expect(againstNeed(28_600, 28_800, formatDuration)).toBe("meets your 8 h 00 min need");
  });
});
