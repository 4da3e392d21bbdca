import { describe, expect, it } from "vitest";
import { basisLabel, confidenceLabel, effectLabel, formatDay, formatQ, lagLabel, relativeDay, signed, trackRecordSentence } from "./format";

describe("insights wording", () => {
  it("states the forecast's track record in its own unit", () => {
    expect(trackRecordSentence("score", { n: 30, meanAbsoluteError: 4.1, coverage: 0.8333, nominalCoverage: 0.8 })).toBe(
      "Last 30 days: mean error 4.1 points; 83 % of days inside the band, aim 80 % (30 days scored).",
    );
    // 2520 s of sleep = 42 min.
    expect(trackRecordSentence("sleep_asleep_seconds", { n: 1, meanAbsoluteError: 2520, coverage: 1, nominalCoverage: 0.8 })).toBe(
      "Last 30 days: mean error 42 min; 100 % of days inside the band, aim 80 % (1 day scored).",
    );
    expect(trackRecordSentence("resting_heart_rate", null)).toMatch(/^No track record yet/);
    expect(trackRecordSentence("hrv_rmssd", { n: 0, meanAbsoluteError: null, coverage: null, nominalCoverage: 0.8 })).toMatch(/^No track record yet/);
  });

  it("writes q values, lags, confidence and signs", () => {
    expect(formatQ(0.0004)).toBe("q < 0.001");
    expect(formatQ(0.01234)).toBe("q = 0.012");
    expect(formatQ(0.5)).toBe("q = 0.5");
    expect([0, 1, 3].map(lagLabel)).toEqual(["same day", "next day", "3 days later"]);
    expect(confidenceLabel(0.82)).toBe("High confidence (82 %)");
    expect(confidenceLabel(0.5)).toBe("Moderate confidence (50 %)");
    expect(confidenceLabel(0.1)).toBe("Low confidence (10 %)");
    expect([4.4, -9, 0.2].map(signed)).toEqual(["+4", "−9", "0"]);
  });

  it("names the basis of a recommendation and days relative to today", () => {
    expect(basisLabel({ kind: "risk", ref: "sleep_debt" })).toBe("Sleep debt");
    expect(basisLabel({ kind: "contributor", ref: "hrv" })).toBe("Heart rate variability");
    expect(basisLabel({ kind: "correlation", ref: "steps|sleep_asleep_seconds|0" })).toBe("A pattern in your data: Steps → Sleep, same day");
    expect(basisLabel({ kind: "correlation", ref: "sleep_under_6h|hrv_rmssd|1" })).toBe("A pattern in your data: Sleep under 6 h → HRV (RMSSD), next day");
    expect(basisLabel({ kind: "correlation", ref: "something else" })).toBe("A pattern in your data");
    expect(relativeDay("2026-06-10", "2026-06-10")).toBe("today");
    expect(relativeDay("2026-06-09", "2026-06-10")).toBe("yesterday");
    expect(relativeDay("2026-06-01", "2026-06-10")).toBe(formatDay("2026-06-01"));
    expect(formatDay("2026-06-01")).toBe("Mon, Jun 1");
  });
});

describe("effect sizes", () => {
  it("states r with its interval, or a yes/no split's relative difference in percent", () => {
    expect(effectLabel({ kind: "continuous", effect: 0.452, effectLow: 0.17, effectHigh: 0.661, spearmanRho: -0.05 })).toBe(
      "r = 0.45 (95 % interval 0.17 to 0.66); Spearman ρ = −0.05",
    );
    // −0.11 → −11 %; −0.184 → −18 %; −0.036 → −4 %.
    expect(effectLabel({ kind: "binary", effect: -0.11, effectLow: -0.184, effectHigh: -0.036, spearmanRho: null })).toBe("Difference −11 % (95 % interval −18 % to −4 %)");
  });
});
