import { describe, expect, it } from "vitest";
import { RISK_KINDS } from "../types";
import { evaluateRecommendations } from "./evaluate";
import type { RecommendationInput } from "./model";
import { RECOMMENDATION_RULES } from "./rules";
import { contributor, correlation, input, loadDays, risk, scoredDay, TODAY } from "./testing/fixtures";

const only = (i: RecommendationInput, ruleId: string) => evaluateRecommendations(i).find((r) => r.ruleId === ruleId);
const ids = (i: RecommendationInput) => evaluateRecommendations(i).map((r) => r.ruleId);

describe("rest_day (resting HR elevated or temperature up)", () => {
  it("brings resting HR back to the normal in the flag's evidence when the score says nothing (58 → 52 bpm: −6)", () => {
    const made = only(input({ risks: [risk("resting_hr_elevated", "moderate", [57, 58], 52)] }), "rest_day")!;
    expect(made).toMatchObject({
      title: "Take a rest day",
      priority: 2,
      expectedImpact: { metric: "resting_heart_rate", delta: -6, text: "resting heart rate back down about 6 bpm to your normal 52 bpm" },
      basis: [{ kind: "risk", ref: "resting_hr_elevated" }],
    });
    expect(made.body).toMatch(/^Your resting heart rate has been above your normal\. Make today a rest day/);
  });

  it("counts the points the resting HR and temperature contributors took (6.4 + 2.2 = 8.6 → +9), priority 1 when a flag is high", () => {
    const made = only(
      input({
        score: scoredDay({ contributors: [contributor("resting_heart_rate", { points: -6.4 }), contributor("temperature", { points: -2.2 }), contributor("hrv", { points: 3 })] }),
        risks: [risk("resting_hr_elevated", "moderate", [60, 61], 52), risk("temperature_deviation", "high", [1.3])],
      }),
      "rest_day",
    )!;
    expect(made.priority).toBe(1);
    expect(made.expectedImpact).toEqual({ metric: "score", delta: 9, text: "about +9 to your energy score as your resting heart rate and temperature settle" });
    expect(made.body).toMatch(/^Your resting heart rate has been above your normal and your temperature is up\./);
    expect(made.basis).toEqual([
      { kind: "risk", ref: "resting_hr_elevated" },
      { kind: "risk", ref: "temperature_deviation" },
    ]);
  });

  it("on temperature alone: the deviation back to zero (+0.7 °C → −0.7)", () => {
    expect(only(input({ risks: [risk("temperature_deviation", "low", [0.7])] }), "rest_day")!.expectedImpact).toEqual({
      metric: "temperature_deviation",
      delta: -0.7,
      text: "temperature back to your usual",
    });
  });
});

describe("easy_training (HRV suppressed)", () => {
  it("HRV back up to the normal (40 → 50 ms: +10), the days running in the body", () => {
    const made = only(input({ risks: [risk("hrv_suppressed", "low", [41, 40, 40], 50)] }), "easy_training")!;
    expect(made.expectedImpact).toEqual({ metric: "hrv_rmssd", delta: 10, text: "HRV back up about 10 ms to your normal 50 ms" });
    expect(made.body).toMatch(/^Your HRV has been below your normal range for 3 days\./);
    expect(made.priority).toBe(2);
  });
});

describe("earlier_bedtime (sleep debt, or a short night)", () => {
  it("pays back up to 30 min a night for a week: debt 6 h 30 min → 3 h 30 min (7 × 30 min) less", () => {
    const made = only(input({ risks: [risk("sleep_debt", "moderate", [23_400])] }), "earlier_bedtime")!;
    expect(made.expectedImpact).toEqual({ metric: "sleep_debt_seconds", delta: -12_600, text: "about 3 h 30 min less sleep debt within a week (30 minutes more a night)" });
    expect(made.body).toMatch(/^You are 6 h 30 min short of your sleep need over the last 7 nights\. Go to bed 30–45 minutes earlier/);
    expect(made.priority).toBe(3);
    // A debt under 3 h 30 min is paid back whole: 2 h → −2 h.
    expect(only(input({ risks: [risk("sleep_debt", "high", [7_200])] }), "earlier_bedtime")!).toMatchObject({ priority: 2, expectedImpact: { delta: -7_200 } });
  });

  it("fires on a short night alone (sleep duration z ≤ −1) with the points it cost, not at z −0.9", () => {
    const short = (z: number) => input({ score: scoredDay({ contributors: [contributor("sleep_duration", { z, points: -4 })] }) });
    const made = only(short(-1), "earlier_bedtime")!;
    expect(made.expectedImpact).toEqual({ metric: "score", delta: 4, text: "about +4 to your energy score once your nights are back to your need" });
    expect(made.body).toMatch(/^Last night was short against your sleep need of 8 h\./);
    expect(made.basis).toEqual([{ kind: "contributor", ref: "sleep_duration" }]);
    expect(only(short(-0.9), "earlier_bedtime")).toBeUndefined();
  });
});

describe("fixed_wake_time (irregular sleep timing)", () => {
  it("fires from regularity z −0.5 with its points; not at z −0.4", () => {
    const irregular = (z: number, points: number) => input({ score: scoredDay({ contributors: [contributor("sleep_regularity", { z, points, value: 4_500 })] }) });
    const made = only(irregular(-0.5, -3), "fixed_wake_time")!;
    expect(made.body).toMatch(/^The middle of your sleep has moved by ±1 h 15 min over the last 14 nights\./);
    expect(made.expectedImpact).toEqual({ metric: "score", delta: 3, text: "about +3 to your energy score as your sleep timing steadies" });
    expect(only(irregular(-0.4, -1), "fixed_wake_time")).toBeUndefined();
    // No points lost (weight 0): the documented default gain.
    expect(only(irregular(-1, 0), "fixed_wake_time")!.expectedImpact).toEqual({ metric: "score", delta: 2, text: "about +2 to your energy score (a typical gain from steadier sleep)" });
  });
});

describe("ease_off / move_more (acute 7-day against chronic 28-day load)", () => {
  it("eases off above 1.3×: 21 days at 1000 kJ, 7 at 1800 → chronic 33,600 / 28 = 1200, ratio 1.5; back to 1.3 × 1200 = 1560 is −240 a day", () => {
    const made = only(input({ days: loadDays(1000, 1800) }), "ease_off")!;
    expect(made.body).toMatch(/^Your active energy over the last 7 days is 50% above your 28-day average \(1\.50×; 0\.8–1\.3× is balanced\)\./);
    expect(made.expectedImpact).toEqual({ metric: "active_energy", delta: -240, text: "about −240 kJ a day brings your week back into balance" });
    expect(made.priority).toBe(3);
    expect(ids(input({ days: loadDays(1000, 1800) }))).not.toContain("move_more");
  });

  it("moves more below 0.8×: 7 days at 400 → chronic 23,800 / 28 = 850, ratio 0.47; up to 0.8 × 850 = 680 is +280", () => {
    const made = only(input({ days: loadDays(1000, 400) }), "move_more")!;
    expect(made.body).toMatch(/is 53% below your 28-day average \(0\.47×/);
    expect(made.expectedImpact).toEqual({ metric: "active_energy", delta: 280, text: "about +280 kJ a day brings your week back into balance" });
  });

  it("uses steps without active energy, and the score's contributor (value = acute, baseline mean = chronic) with its points when there is one", () => {
    // Steps: 21 days of 8000, 7 of 3000 → chronic (168,000 + 21,000) / 28 = 6750; 0.8 × 6750 − 3000 = 2400.
    expect(only(input({ days: loadDays(8000, 3000, "steps") }), "move_more")!.expectedImpact).toMatchObject({ metric: "steps", delta: 2400, text: "about +2,400 steps a day brings your week back into balance" });
    const balance = contributor("activity_balance", { measure: "steps", value: 2000, baseline: { mean: 8000, sd: 1000, low: 6400, high: 10400, days: 28 }, z: -4.5, points: -5 });
    const made = only(input({ score: scoredDay({ contributors: [balance] }) }), "move_more")!;
    expect(made.body).toMatch(/75% below/);
    expect(made.expectedImpact).toEqual({ metric: "score", delta: 5, text: "about +5 to your energy score with your load back in balance" });
  });

  it("fires neither in balance (0.8–1.3) nor without 14 days of load", () => {
    expect(ids(input({ days: loadDays(1000, 1000) }))).toEqual([]);
    expect(ids(input({ days: loadDays(1000, 1800).slice(-13) }))).toEqual([]);
  });
});

describe("training_day (a good score, no flags, load balanced)", () => {
  it("leaves room for one usual day more: min(1000, (1.3 × 1000 − 1000) × 7 = 2100) = 1000 kJ", () => {
    const made = only(input({ score: scoredDay({ score: 82, status: "good" }), days: loadDays(1000, 1000) }), "training_day")!;
    expect(made).toMatchObject({
      body: "Your energy score is 82 (good) with no warning signs: a good day for your hardest or longest session of the week.",
      expectedImpact: { metric: "active_energy", delta: 1000, text: "up to about +1000 kJ over a usual day keeps your 7-day load balanced" },
      priority: 6,
      basis: [{ kind: "score", ref: TODAY }],
    });
    // Room shrinks as the week fills: acute 1250 of chronic 1000 → (1300 − 1250) × 7 = 350.
    const days = loadDays(1000, 1000).map((d, i) => (i >= 21 ? { ...d, values: { active_energy: 1250 } } : d));
    const chronic = (21 * 1000 + 7 * 1250) / 28; // 1062.5: room (1.3 · 1062.5 − 1250) · 7 = 918.75 → 920
    expect(chronic).toBe(1062.5);
    expect(only(input({ score: scoredDay({ status: "peak", score: 88 }), days }), "training_day")!.expectedImpact.delta).toBe(920);
  });

  it("does not fire on a fair day, with an active flag, or unscored", () => {
    const days = loadDays(1000, 1000);
    expect(only(input({ score: scoredDay({ status: "fair", score: 60 }), days }), "training_day")).toBeUndefined();
    expect(only(input({ score: scoredDay(), days, risks: [risk("sleep_debt", "moderate", [20_000])] }), "training_day")).toBeUndefined();
    expect(only(input({ score: scoredDay({ state: "calibrating", score: null, status: null }), days }), "training_day")).toBeUndefined();
  });
});

describe("the rule list", () => {
  // One fixture per rule; together they make every rule fire.
  const FIXTURES: RecommendationInput[] = [
    input({ risks: [risk("resting_hr_elevated", "moderate", [58, 58], 52)] }),
    input({ risks: [risk("hrv_suppressed", "low", [40, 40, 40], 50)] }),
    input({ risks: [risk("sleep_debt", "moderate", [20_000])] }),
    input({ days: loadDays(1000, 1800) }),
    input({ score: scoredDay({ contributors: [contributor("sleep_regularity", { z: -1, points: -2, value: 3_600 })] }) }),
    input({ days: loadDays(1000, 400) }),
    input({ correlations: [correlation({ x: "steps", y: "sleep_asleep_seconds", effect: 0.35 })] }),
    input({ score: scoredDay(), days: loadDays(1000, 1000) }),
  ];

  it("every rule fires on some fixture", () => {
    const fired = new Set(FIXTURES.flatMap(ids));
    expect(RECOMMENDATION_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  it("every risk kind leads to at least one rule, which names the risk as its basis", () => {
    for (const kind of RISK_KINDS) {
      const made = evaluateRecommendations(input({ risks: [risk(kind, "moderate", [1, 1, 1], 0)] }));
      expect(made.filter((r) => r.basis.some((b) => b.kind === "risk" && b.ref === kind)).length, kind).toBeGreaterThan(0);
      expect(RECOMMENDATION_RULES.some((r) => r.answers?.includes(kind)), kind).toBe(true);
    }
  });

  it("rule ids are unique; a day with everything lists by priority", () => {
    expect(new Set(RECOMMENDATION_RULES.map((r) => r.id)).size).toBe(RECOMMENDATION_RULES.length);
    const everything = input({
      risks: [risk("sleep_debt", "moderate", [20_000]), risk("temperature_deviation", "high", [1.4]), risk("hrv_suppressed", "low", [40, 40, 40], 50)],
      days: loadDays(1000, 1800),
      score: scoredDay({ contributors: [contributor("sleep_regularity", { z: -1, points: -2, value: 3_600 })] }),
    });
    expect(evaluateRecommendations(everything).map((r) => [r.ruleId, r.priority])).toEqual([
      ["rest_day", 1],
      ["easy_training", 2],
      ["earlier_bedtime", 3],
      ["ease_off", 3],
      ["fixed_wake_time", 4],
    ]);
  });
});
