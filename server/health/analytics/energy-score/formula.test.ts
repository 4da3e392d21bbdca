import { describe, expect, it } from "vitest";
import type { ContributorKey } from "../types";
import type { Reading } from "./contributors";
import { combine, pointsFor, statusOf } from "./formula";
import { DEFAULT_SCORE_WEIGHTS } from "./weights";

/** A reading with z (and, for the guard, the measured deviation and value) — the rest as the formula ignores it. */
function reading(key: ContributorKey, z: number | null, over: Partial<Reading> = {}): Reading {
  return { key, measure: key, value: z === null ? null : 1, baseline: null, z, deviation: null, baselineDays: 60, finding: `${key} finding`, ...over };
}

// Default weights: hrv 20, resting HR 15, sleep duration 15, efficiency 10, regularity 10, activity 10,
// temperature 8, breathing 5, mood 4, energy 3.
const weights = { ...DEFAULT_SCORE_WEIGHTS };

describe("the score formula", () => {
  it("is 70 + 30 · Σ shareᵢ · clamp(zᵢ / 2, −1, 1) over the contributors present", () => {
    const day = [
      reading("hrv", -1.3, { finding: "HRV 1.3 SD below your normal range" }),
      reading("resting_heart_rate", 0.5),
      reading("sleep_duration", -1),
      reading("sleep_efficiency", 1),
      reading("sleep_regularity", 0.4, { baselineDays: null }),
      reading("activity_balance", 1, { baselineDays: null }),
      reading("temperature", 0.5, { baselineDays: 30 }),
      reading("respiratory_rate", null),
    ];
    const result = combine(day, weights);
    // Present weight: 20 + 15 + 15 + 10 + 10 + 10 + 8 = 88 (breathing missing, no journal).
    // Σ wᵢ·cᵢ = 20(−0.65) + 15(0.25) + 15(−0.5) + 10(0.5) + 10(0.2) + 10(0.5) + 8(0.25)
    //         = −13 + 3.75 − 7.5 + 5 + 2 + 5 + 2 = −2.75
    // score = 70 + 30 · (−2.75 / 88) = 70 − 0.9375 = 69.06 → 69, "fair".
    expect(result.score).toBe(69);
    expect(result.status).toBe("fair");
    const hrv = result.contributors[0]!;
    // HRV: 30 · (20 / 88) · (−0.65) = −4.43 → "−4" with a real minus sign.
    expect(hrv).toMatchObject({ points: -4.4, weight: 0.227, z: -1.3, explanation: "HRV 1.3 SD below your normal range: \u22124" });
    expect(result.contributors[7]).toMatchObject({ key: "respiratory_rate", points: 0, weight: 0, explanation: "respiratory_rate finding" });
    // Confidence = coverage × age.
    // coverage = 88 / 93 (every non-journal weight could be present) = 0.9462;
    // age over contributors with a personal baseline: (20 + 15 + 15 + 10) · 60/60 + 8 · 30/60 = 64, over 68 → 0.9412;
    // 0.9462 × 0.9412 = 0.8906 → 0.89.
    expect(result.confidence).toBe(0.89);
    expect(result.guard).toBeNull();
  });

  it("caps a contributor at 2 SD and renormalises when one is weighted 0", () => {
    // 30 · 1 · clamp(5 / 2) = 30; 30 · 0.5 · (−1) = −15.
    expect(pointsFor(5, 1)).toBe(30);
    expect(pointsFor(-4, 0.5)).toBe(-15);
    const result = combine([reading("hrv", 2), reading("resting_heart_rate", -2)], { ...weights, resting_heart_rate: 0 });
    // Only HRV counts: share 1, 30 · 1 · 1 = +30 → 100.
    expect(result.score).toBe(100);
    expect(result.contributors[1]).toMatchObject({ weight: 0, points: 0, explanation: "resting_heart_rate finding: not counted (weight 0)" });
  });

  it("counts the journal when it has an entry (also toward coverage)", () => {
    const result = combine([reading("hrv", 0), reading("journal_mood", 2, { baselineDays: null })], weights);
    // Present 20 + 4 = 24: 30 · (4 / 24) · 1 = +5 → 75; coverage 24 / (93 + 4) = 0.2474, age 1 → 0.25.
    expect(result.score).toBe(75);
    expect(result.confidence).toBe(0.25);
  });

  it("has low confidence on sparse coverage and young baselines", () => {
    // Resting HR alone on a 14-day baseline: coverage 15 / 93 = 0.1613, age 14 / 60 = 0.2333 → 0.0376 → 0.04.
    expect(combine([reading("resting_heart_rate", 0, { baselineDays: 14 })], weights).confidence).toBe(0.04);
  });

  it("scores nothing when nothing weighted is present", () => {
    expect(combine([reading("hrv", null), reading("temperature", 1)], { ...weights, temperature: 0 })).toMatchObject({ score: null, status: null, confidence: 0 });
  });

  it("holds a would-be peak day below 85 while resting HR is 2 SD or more above normal", () => {
    const day = (rhrDeviation: number) => [
      reading("hrv", 2),
      reading("resting_heart_rate", -rhrDeviation, { deviation: rhrDeviation }),
      reading("sleep_duration", 2),
      reading("sleep_efficiency", 2),
      reading("sleep_regularity", 2),
      reading("activity_balance", 2),
      reading("temperature", 1, { deviation: 0, value: 0 }),
      reading("respiratory_rate", 1),
    ];
    // RHR +1.9 SD: Σ wᵢ·cᵢ = 20 + 15(−0.95) + 15 + 10 + 10 + 10 + 8(0.5) + 5(0.5) = 57.25;
    // 70 + 30 · 57.25 / 93 = 88.47 → 88, peak, no guard.
    expect(combine(day(1.9), weights)).toMatchObject({ score: 88, status: "peak", guard: null });
    // RHR +2.5 SD: 15 · (−1) instead → Σ = 56.5; 70 + 30 · 56.5 / 93 = 88.23 → 88 would be peak; held at 84.
    const guarded = combine(day(2.5), weights);
    expect(guarded).toMatchObject({ score: 84, status: "good", guard: "Held below peak: resting heart rate is 2.5 SD above your normal." });
  });

  it("holds it too at a temperature of +0.5 °C or more, or 2 SD above normal", () => {
    const day = (temperature: Partial<Reading>) => [reading("hrv", 2), reading("temperature", 0, temperature)];
    // Without the guard: Σ = 20 · 1 + 8 · 0 = 20 over 28 → 70 + 30 · 20 / 28 = 91.4 → 91.
    expect(combine(day({ value: 0.3, deviation: 1 }), weights).score).toBe(91);
    expect(combine(day({ value: 0.6, deviation: 1 }), weights)).toMatchObject({ score: 84, guard: "Held below peak: temperature is +0.6 °C." });
    expect(combine(day({ value: 0.3, deviation: 2.2 }), weights).guard).toBe("Held below peak: temperature is 2.2 SD above your normal.");
    // The guard only lowers a peak: a day at 70 keeps its score and no guard.
    expect(combine([reading("hrv", 0), reading("temperature", 0, { value: 0.8, deviation: 3 })], weights)).toMatchObject({ score: 70, guard: null });
  });

  it("words the status", () => {
    expect([85, 84, 70, 69, 55, 54].map(statusOf)).toEqual(["peak", "good", "good", "fair", "fair", "low"]);
  });
});
