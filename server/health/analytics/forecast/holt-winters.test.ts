import { describe, expect, it } from "vitest";
import { Rng } from "@/server/health/demo/prng";
import { fitModel, forecastAhead, parameterGrid, type FittedModel } from "./holt-winters";

const WEEK = [5, -3, 0, 2, -4, 1, -1];
const weekly = (days: number, level = 50) => Array.from({ length: days }, (_, t) => level + WEEK[t % 7]!);

describe("fitModel", () => {
  it("reproduces a pure weekly pattern exactly, with no error to widen the interval", () => {
    // Eight weeks of 50 + pattern: the start (two weeks' weekday means less their mean 50) is the
    // pattern itself, so every one-step error is 0 and the forecast is the next week of it.
    const model = fitModel(weekly(56))!;
    expect(model.method).toBe("holt-winters");
    expect(model.sigma).toBe(0);
    const ahead = forecastAhead(model, 7);
    // Day 56 is weekday slot 0 again.
    ahead.forEach((f, i) => {
      expect(f.mean).toBeCloseTo(50 + WEEK[i]!, 9);
      expect(f.sd).toBe(0);
    });
  });

  it("carries the season over missing days instead of inventing data", () => {
    const values: (number | null)[] = weekly(70);
    // A lost week and scattered days: the states roll on with no error, the season is kept.
    for (const t of [20, 21, 22, 23, 24, 25, 26, 33, 40, 41, 69]) values[t] = null;
    const model = fitModel(values)!;
    forecastAhead(model, 7).forEach((f, i) => expect(f.mean).toBeCloseTo(50 + WEEK[i]!, 9));
  });

  it("follows a weekly pattern through noise closely", () => {
    const rng = new Rng("hw-noise");
    const values = weekly(120, 60).map((v) => v + rng.normal(0, 0.5));
    const model = fitModel(values)!;
    // Days 0…119: horizon h is day 119 + h, weekday slot (119 + h) mod 7.
    forecastAhead(model, 7).forEach((f, i) => expect(Math.abs(f.mean - (60 + WEEK[(120 + i) % 7]!))).toBeLessThan(0.6));
    expect(model.sigma).toBeGreaterThan(0.3);
    expect(model.sigma).toBeLessThan(0.8);
  });

  it("gives a constant series a zero-width interval", () => {
    const model = fitModel(Array.from({ length: 40 }, () => 61.5))!;
    for (const f of forecastAhead(model, 7)) {
      expect(f.mean).toBeCloseTo(61.5, 9);
      expect(f.sd).toBe(0);
    }
  });

  it("falls back to simple smoothing under three weeks and gives up under two", () => {
    expect(fitModel(weekly(13))).toBeNull();
    // 30 calendar days but only 13 with data.
    expect(fitModel(weekly(30).map((v, t) => (t % 2 ? v : null)).slice(0, 26))).toBeNull();
    const simple = fitModel(weekly(20))!;
    expect(simple.method).toBe("simple");
    expect(simple.params).toMatchObject({ beta: 0, gamma: 0, phi: 1 });
    expect(simple.season.every((s) => s === 0)).toBe(true);
    expect(fitModel([null, null, ...weekly(21)])!.method).toBe("holt-winters");
  });
});

describe("forecastAhead", () => {
  const model = (params: FittedModel["params"]): FittedModel => ({ method: "holt-winters", params, level: 10, trend: 1, season: [0, 0, 0, 0, 0, 0, 0], sigma: 2, lastIndex: 6 });

  it("widens the interval by the ETS variance formula, damped trend and all", () => {
    const out = forecastAhead(model({ alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.9 }), 3);
    // Means: 10 + (0.9) = 10.9, 10 + (0.9 + 0.81) = 11.71, 10 + (0.9 + 0.81 + 0.729) = 12.439.
    expect(out.map((f) => f.mean)).toEqual([10.9, 11.71, 12.439].map((v) => expect.closeTo(v, 12)));
    // h = 1: σ = 2.
    // h = 2: c1 = 0.3 + 0.05·0.9 = 0.345 → 2·√(1 + 0.119025) = 2.1156800…
    // h = 3: c2 = 0.3 + 0.05·(0.9 + 0.81) = 0.3855 → 2·√(1.119025 + 0.14861025) = 2·√1.26763525 = 2.2517856…
    expect(out[0]!.sd).toBeCloseTo(2, 12);
    expect(out[1]!.sd).toBeCloseTo(2 * Math.sqrt(1.119025), 12);
    expect(out[2]!.sd).toBeCloseTo(2 * Math.sqrt(1.26763525), 12);
  });

  it("matches the textbook undamped formula σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6}] for h ≤ 7", () => {
    const [alpha, beta] = [0.3, 0.05];
    const out = forecastAhead(model({ alpha, beta, gamma: 0.2, phi: 1 }), 7);
    // h = 7: 6·(0.09 + 0.105 + 0.0025·7·13/6) = 1.3975 = 0.35² + 0.4² + 0.45² + 0.5² + 0.55² + 0.6².
    expect(out[6]!.sd ** 2 / 4).toBeCloseTo(2.3975, 12);
    out.forEach((f, i) => {
      const h = i + 1;
      expect(f.sd ** 2).toBeCloseTo(4 * (1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6)), 10);
    });
    // The seasonal term joins at h = 8: c7 = α + 7β + γ = 0.3 + 0.35 + 0.2 = 0.85, c7² = 0.7225.
    const eighth = forecastAhead(model({ alpha, beta, gamma: 0.2, phi: 1 }), 8)[7]!;
    expect(eighth.sd ** 2 / 4).toBeCloseTo(2.3975 + 0.7225, 12);
  });

  it("offers only stable parameters", () => {
    expect(parameterGrid("holt-winters").every((p) => p.beta <= p.alpha && p.alpha + p.gamma <= 1 && p.phi <= 1)).toBe(true);
    expect(parameterGrid("simple").every((p) => p.beta === 0 && p.gamma === 0)).toBe(true);
  });
});
