import { describe, expect, it } from "vitest";
import { addDays } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import { correlationRule } from "./correlation-rule";
import { correlation, input, scoredDay, TODAY } from "./testing/fixtures";

/** 14 days ending today: steps alternating 6000 / 10000, sleep = 25,200 + 0.3 s per step above 8000 (on the same day, or `lag` days later). */
function stepsAndSleep(lag = 0): DayValues[] {
  const steps = Array.from({ length: 14 }, (_, i) => (i % 2 ? 10_000 : 6_000));
  return Array.from({ length: 14 + lag }, (_, i) => {
    const values: Record<string, number> = {};
    if (i < 14) values.steps = steps[i]!;
    if (i >= lag) values.sleep_asleep_seconds = 25_200 + 0.3 * (steps[i - lag]! - 8_000);
    return { date: addDays(TODAY, i - 13 - lag), values };
  });
}

describe("act_on_correlation", () => {
  it("more of a habit that goes with a better outcome: slope × one SD of the habit", () => {
    // Slope 0.3 s per step; SD of steps = 2000 · √(14 / 13) = 2075.5 → 0.3 · 2075.5 = 622.7 s → 10 min; 2075.5 steps → "2,100 steps".
    const made = correlationRule.when(input({ days: stepsAndSleep(), correlations: [correlation({ x: "steps", y: "sleep_asleep_seconds", effect: 0.9, sentence: "On days you walked more, you slept longer; r = 0.90; n = 14; strong" })] }))!;
    expect(made).toEqual({
      title: "Act on a pattern in your data",
      body: "On days you walked more, you slept longer; r = 0.90; n = 14; strong. More steps goes with better sleep for you: worth building into your day.",
      expectedImpact: { metric: "sleep_asleep_seconds", delta: 600, text: "about +10 min of sleep the same day with 2,100 steps more than usual" },
      priority: 5,
      basis: [{ kind: "correlation", ref: "steps|sleep_asleep_seconds|0" }],
    });
  });

  it("applies the lag when it pairs the days", () => {
    const made = correlationRule.when(input({ days: stepsAndSleep(1), correlations: [correlation({ x: "steps", y: "sleep_asleep_seconds", lag: 1 })] }))!;
    expect(made.expectedImpact).toEqual({ metric: "sleep_asleep_seconds", delta: 600, text: "about +10 min of sleep the next day with 2,100 steps more than usual" });
  });

  it("reads the score series from the scored days, and says r when there are fewer than 14 pairs", () => {
    const scores = Array.from({ length: 14 }, (_, i) => scoredDay({ date: addDays(TODAY, i - 13), score: 60 + (i % 2) * 10 }));
    // Score 60 / 70 on 6000 / 10000 steps: slope 10 / 4000 = 0.0025 per step · 2075.5 = 5.19 → +5 points.
    const made = correlationRule.when(input({ days: stepsAndSleep(), scores, correlations: [correlation({ x: "steps", y: "score" })] }))!;
    expect(made.expectedImpact).toEqual({ metric: "score", delta: 5, text: "about +5 points on your energy score the same day with 2,100 steps more than usual" });
    const few = correlationRule.when(input({ days: stepsAndSleep().slice(-10), correlations: [correlation({ x: "steps", y: "sleep_asleep_seconds", effect: 0.42 })] }))!;
    expect(few.expectedImpact).toEqual({ metric: "sleep_asleep_seconds", delta: 0.42, text: "a moderate link (r = 0.42) the same day" });
  });

  it("avoiding a yes/no condition that goes with a worse outcome: the relative difference of the outcome's 90-day mean", () => {
    // HRV 50 ms on average; nights under 6 h go with 11% lower HRV the day after → avoiding them: +0.11 · 50 = 5.5 → +6 ms.
    const days = Array.from({ length: 30 }, (_, i) => ({ date: addDays(TODAY, -i), values: { hrv_rmssd: 50 } }));
    const made = correlationRule.when(
      input({ days, correlations: [correlation({ x: "sleep_under_6h", y: "hrv_rmssd", lag: 1, kind: "binary", effect: -0.11, sentence: "On days after you slept under 6 h, your HRV was 11% lower; n = 41; strong" })] }),
    )!;
    expect(made.body).toBe("On days after you slept under 6 h, your HRV was 11% lower; n = 41; strong. Your own data says this is worth avoiding where you can.");
    expect(made.expectedImpact).toEqual({ metric: "hrv_rmssd", delta: 6, text: "about +6 ms of HRV (11%) on days you avoid it" });
  });

  it("aims for a condition worth aiming for; without outcome values states the percent", () => {
    const days = [{ date: TODAY, values: { sleep_efficiency: 0.9 } }];
    // +5% of 0.9 = 0.045 → 5 percentage points (rounded to whole points).
    expect(correlationRule.when(input({ days, correlations: [correlation({ x: "steps_10k", y: "sleep_efficiency", kind: "binary", effect: 0.05 })] }))!.expectedImpact).toEqual({
      metric: "sleep_efficiency",
      delta: 0.05,
      text: "about +5 percentage points of sleep efficiency (5%) on such days",
    });
    expect(correlationRule.when(input({ correlations: [correlation({ x: "alcohol", y: "journal_mood", kind: "binary", effect: -0.2 })] }))!.expectedImpact).toEqual({
      metric: "journal_mood_percent",
      delta: 20,
      text: "about 20% better mood on days you avoid it",
    });
  });

  it("picks the lowest q, then the largest effect, among actionable significant pairs only", () => {
    const pairs = [
      correlation({ x: "steps", y: "sleep_asleep_seconds", qValue: 0.2, significant: false }), // not significant
      correlation({ x: "steps", y: "resting_heart_rate", qValue: 0.001, effect: 0.3 }), // more steps, higher RHR: not advice
      correlation({ x: "hrv_rmssd", y: "sleep_asleep_seconds", qValue: 0.001 }), // not a habit
      correlation({ x: "steps", y: "stress", qValue: 0.001 }), // an outcome without a direction
      correlation({ x: "alcohol", y: "journal_mood", kind: "binary", effect: 0.1, qValue: 0.001 }), // "good" but not one to aim for
      correlation({ x: "active_energy", y: "hrv_rmssd", qValue: 0.02, effect: 0.3 }),
      correlation({ x: "sleep_asleep_seconds", y: "hrv_rmssd", qValue: 0.02, effect: 0.5 }),
    ];
    expect(correlationRule.when(input({ correlations: pairs }))!.basis).toEqual([{ kind: "correlation", ref: "sleep_asleep_seconds|hrv_rmssd|0" }]);
    expect(correlationRule.when(input({ correlations: pairs.slice(0, 5) }))).toBeNull();
  });
});
