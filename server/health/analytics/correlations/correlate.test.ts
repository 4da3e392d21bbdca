import padjust from "@stdlib/stats-padjust";
import { describe, expect, it } from "vitest";
import { addDays } from "@/server/health/local-date";
import { Rng } from "@/server/health/demo/prng";
import { syntheticHistory } from "../testing/synthetic-history";
import { findCorrelations, pairsToTest } from "./correlate";
import { buildSeries, type DailySeries } from "./series";

const FROM = "2025-06-01";
const TO = "2026-05-31";

describe("pairsToTest", () => {
  it("tests each meaningful pair once per lag", () => {
    const series = buildSeries({ days: [], scores: [], from: FROM, to: TO });
    const pairs = pairsToTest(series);
    // 7 continuous series (6 summary metrics + score) and 2 yes/no splits.
    // Lag 0: continuous pairs once each: 7·6/2 = 21, less the score with its 6 inputs and steps with
    //        active energy (one family) = 14; yes/no x: 2·7 = 14, less each split with its own family
    //        (sleep; steps and active energy: 3) and with the score (2) = 9.
    // Lags 1–3: continuous ordered pairs 7·6 = 42, plus 2·7 = 14 yes/no → 56 a lag, 168 in all.
    expect(pairs.filter((p) => p.lag === 0)).toHaveLength(23);
    expect(pairs).toHaveLength(191);
    const key = (p: (typeof pairs)[number]) => `${p.x.key}>${p.y.key}@${p.lag}`;
    const keys = new Set(pairs.map(key));
    expect(keys.size).toBe(191);
    expect(keys.has("steps>active_energy@0") || keys.has("steps_10k>active_energy@0")).toBe(false);
    expect(pairs.every((p) => p.x.key !== p.y.key && p.y.kind === "continuous")).toBe(true);
    expect(keys.has("sleep_under_6h>sleep_asleep_seconds@0")).toBe(false);
    expect(keys.has("sleep_under_6h>sleep_asleep_seconds@1")).toBe(true);
    expect(keys.has("hrv_rmssd>score@0") || keys.has("score>hrv_rmssd@0")).toBe(false);
    expect(keys.has("hrv_rmssd>score@1") && keys.has("score>hrv_rmssd@1")).toBe(true);
    // Same-day continuous pairs appear in one direction only.
    expect(Number(keys.has("steps>hrv_rmssd@0")) + Number(keys.has("hrv_rmssd>steps@0"))).toBe(1);
  });

  it("pairs a journal tag with everything but lets a yes/no series be only the x side", () => {
    const tag: DailySeries = { key: "alcohol", kind: "binary", values: new Map() };
    const pairs = pairsToTest([...buildSeries({ days: [], scores: [], from: FROM, to: TO }), tag]);
    expect(pairs.filter((p) => p.x.key === "alcohol")).toHaveLength(7 * 4);
    expect(pairs.some((p) => p.y.key === "alcohol")).toBe(false);
  });
});

describe("findCorrelations", () => {
  const history = syntheticHistory({ seed: "correlate", from: FROM, days: 365 });
  const results = findCorrelations(buildSeries({ ...history, from: FROM, to: TO }));

  it("finds the planted lag-1 effect of short nights on HRV, in words, and not on the same day", () => {
    const planted = results.find((r) => r.x === "sleep_under_6h" && r.y === "hrv_rmssd" && r.lag === 1)!;
    expect(planted.significant).toBe(true);
    // Planted: 15% lower after a short night; the interval holds it.
    expect(planted.effect).toBeLessThan(-0.1);
    expect(planted.effectLow).toBeLessThan(-0.15);
    expect(planted.effectHigh).toBeGreaterThan(-0.15);
    expect(planted.sentence).toMatch(/^On days after you slept under 6 h, your HRV was 1\d% lower; n = \d+; strong$/);
    const sameDay = results.find((r) => r.x === "sleep_under_6h" && r.y === "hrv_rmssd" && r.lag === 0)!;
    expect(sameDay.significant).toBe(false);
    expect(sameDay.sentence).toMatch(/not significant$/);
  });

  it("adjusts across every pair tested and flags by q ≤ 0.05", () => {
    expect(results.length).toBeGreaterThan(150);
    const sorted = [...results].sort((a, b) => (a.x + a.y + a.lag < b.x + b.y + b.lag ? -1 : 1));
    const q = padjust(sorted.map((r) => r.pValue), "bh");
    sorted.forEach((r, i) => {
      expect(r.qValue).toBeCloseTo(q[i]!, 12);
      expect(r.significant).toBe(r.qValue <= 0.05);
    });
    for (const r of results.filter((r) => r.kind === "continuous")) {
      expect(r.pValue).toBe(Math.max(r.pearsonP!, r.spearmanP!));
      expect(r.effect).toBe(r.pearsonR);
      expect(r.effectLow).toBeLessThanOrEqual(r.effect);
      expect(r.effectHigh).toBeGreaterThanOrEqual(r.effect);
    }
    // The most convincing first.
    expect(results.map((r) => r.qValue)).toEqual([...results.map((r) => r.qValue)].sort((a, b) => a - b));
  });

  it("leaves pairs with too little data untested (and out of the adjustment)", () => {
    const rng = new Rng("sparse");
    const dates = Array.from({ length: 40 }, (_, i) => addDays(FROM, i));
    const hrv = new Map(dates.map((d) => [d, rng.normal(60, 5)]));
    // 13 days of mood: one short of 14 pairs at lag 0.
    const mood = new Map(dates.slice(0, 13).map((d) => [d, rng.int(1, 5)]));
    // A tag on only 2 days (fewer than 3 with).
    const tag = new Map(dates.map((d, i) => [d, i < 2 ? 1 : 0]));
    const out = findCorrelations([
      { key: "hrv_rmssd", kind: "continuous", values: hrv },
      { key: "journal_mood", kind: "continuous", values: mood, label: "your mood" },
      { key: "sauna", kind: "binary", values: tag },
    ]);
    expect(out).toEqual([]);
    const more = findCorrelations([
      { key: "hrv_rmssd", kind: "continuous", values: hrv },
      { key: "journal_mood", kind: "continuous", values: new Map(dates.slice(0, 14).map((d) => [d, rng.int(1, 5)])) },
    ]);
    // 14 mood days pair with HRV on the same day only (at lag ≥ 1 HRV→mood loses days at the start, mood→HRV still has 14).
    expect(more.map((r) => `${r.x}>${r.y}@${r.lag}`).sort()).toEqual([
      "hrv_rmssd>journal_mood@0",
      "journal_mood>hrv_rmssd@1",
      "journal_mood>hrv_rmssd@2",
      "journal_mood>hrv_rmssd@3",
    ]);
  });
});
