import { describe, expect, it } from "vitest";
import { binarySentence, continuousSentence, strengthOf } from "./describe";
import type { DailySeries } from "./series";

const series = (key: string, kind: "continuous" | "binary" = "continuous", label?: string): DailySeries => ({ key, kind, values: new Map(), label });

describe("strengthOf", () => {
  it("uses |r| 0.3 / 0.5 for continuous pairs and 5% / 10% for yes/no pairs", () => {
    expect([0.29, 0.3, -0.49, 0.5, -0.8].map((r) => strengthOf("continuous", r))).toEqual(["weak", "moderate", "moderate", "strong", "strong"]);
    expect([0.049, -0.05, 0.099, -0.1, 0.3].map((d) => strengthOf("binary", d))).toEqual(["weak", "moderate", "moderate", "strong", "strong"]);
  });
});

describe("sentences", () => {
  it("says a yes/no result as in the issue, with the lag in words", () => {
    const x = series("sleep_under_6h", "binary");
    const hrv = series("hrv_rmssd");
    expect(binarySentence(x, hrv, 1, { relativeDifference: -0.114, n: 41, strength: "strong", significant: true })).toBe(
      "On days after you slept under 6 h, your HRV was 11% lower; n = 41; strong",
    );
    expect(binarySentence(x, series("steps"), 0, { relativeDifference: 0.06, n: 30, strength: "moderate", significant: false })).toBe(
      "On days you slept under 6 h, you walked 6% more; n = 30; moderate; not significant",
    );
    expect(binarySentence(series("alcohol", "binary", "you logged alcohol"), hrv, 2, { relativeDifference: -0.004, n: 20, strength: "weak", significant: false })).toBe(
      "Two days after you logged alcohol, your HRV was about the same; n = 20; weak; not significant",
    );
    expect(binarySentence(series("late_meal", "binary"), series("sleep_asleep_seconds"), 3, { relativeDifference: -0.08, n: 50, strength: "moderate", significant: true })).toBe(
      "Three days after you tagged “late meal”, you slept 8% less; n = 50; moderate",
    );
  });

  it("says a continuous result with its direction and r", () => {
    expect(continuousSentence(series("sleep_asleep_seconds"), series("hrv_rmssd"), 1, { r: 0.4234, n: 41, strength: "moderate", significant: true })).toBe(
      "On days after you slept longer, your HRV was higher; r = 0.42; n = 41; moderate",
    );
    expect(continuousSentence(series("steps"), series("resting_heart_rate"), 0, { r: -0.21, n: 90, strength: "weak", significant: false })).toBe(
      "On days you walked more, your resting heart rate was lower; r = −0.21; n = 90; weak; not significant",
    );
    expect(continuousSentence(series("journal_mood", "continuous", "your mood"), series("score"), 1, { r: 0.55, n: 33, strength: "strong", significant: true })).toBe(
      "On days after your mood was higher, your energy score was higher; r = 0.55; n = 33; strong",
    );
  });
});
