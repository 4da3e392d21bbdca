import { describe, expect, it } from "vitest";
import { Rng } from "@/server/health/demo/prng";
import { controlFalseDiscoveries } from "./fdr";
import { continuousTest } from "./statistics";

describe("controlFalseDiscoveries", () => {
  it("adjusts by Benjamini–Hochberg", () => {
    // Sorted p: 0.008, 0.03, 0.123, 0.2, 0.6 (m = 5); p·m/rank: 0.04, 0.075, 0.205, 0.25, 0.6, each then
    // the minimum of itself and every larger rank's value (already increasing here).
    const { qValues, significant } = controlFalseDiscoveries([0.008, 0.03, 0.123, 0.6, 0.2]);
    [0.04, 0.075, 0.205, 0.6, 0.25].forEach((q, i) => expect(qValues[i]).toBeCloseTo(q, 12));
    expect(significant).toEqual([true, false, false, false, false]);
    expect(controlFalseDiscoveries([])).toEqual({ qValues: [], significant: [] });
  });

  it("keeps real pairs and drops nearly all noise among 200 noise pairs and 3 real ones", () => {
    const runs = 30;
    let falseShare = 0;
    let noiseUnder05 = 0;
    let noiseUnder05Kept = 0;
    for (let run = 0; run < runs; run++) {
      const rng = new Rng(`bh-${run}`);
      const n = 60;
      const pair = (r: number) => {
        const xs = Array.from({ length: n }, () => rng.normal());
        return { xs, ys: xs.map((x) => r * x + Math.sqrt(1 - r * r) * rng.normal()) };
      };
      const tests = [...Array.from({ length: 200 }, () => pair(0)), pair(0.7), pair(0.7), pair(0.7)].map(({ xs, ys }) => continuousTest(xs, ys)!);
      const { significant } = controlFalseDiscoveries(tests.map((t) => t.p));
      expect(significant.slice(200)).toEqual([true, true, true]);
      const kept = significant.filter(Boolean).length;
      falseShare += significant.slice(0, 200).filter(Boolean).length / kept;
      tests.slice(0, 200).forEach((t, i) => {
        if (t.p < 0.05) {
          noiseUnder05++;
          if (significant[i]) noiseUnder05Kept++;
        }
      });
    }
    // BH bounds the expected share of false discoveries by q·m0/m = 0.05·200/203 ≈ 0.049.
    expect(falseShare / runs).toBeLessThanOrEqual(0.06);
    // About 5% of noise pairs pass p < 0.05 uncorrected (≈ 10 a run); almost none survive the control.
    expect(noiseUnder05).toBeGreaterThan(runs * 5);
    expect(noiseUnder05Kept / noiseUnder05).toBeLessThan(0.05);
  });
});
