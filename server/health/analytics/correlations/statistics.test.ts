import { describe, expect, it } from "vitest";
import { binaryTest, continuousTest } from "./statistics";

// Reference values from SciPy 1.17.1 (independent of @stdlib): scipy.stats.pearsonr(x, y) with
// .confidence_interval(0.95) (Fisher z, se = 1/√(n−3)), scipy.stats.spearmanr(x, y) (average
// ranks, t approximation), scipy.stats.ttest_ind(a, b, equal_var=False) (Welch).

describe("continuousTest", () => {
  it("matches SciPy's Pearson r, p and Fisher interval and Spearman ρ and p", () => {
    const x = [6.1, 7.3, 5.8, 8.0, 6.9, 7.7, 5.2, 6.5, 7.1, 8.4, 6.0, 7.9, 5.5, 6.8];
    const y = [48, 55, 50, 61, 52, 58, 44, 53, 51, 63, 47, 57, 49, 54];
    const t = continuousTest(x, y)!;
    // pearsonr: r = 0.9381044071165346, p = 7.098035073694519e-07, CI [0.8113806964194487, 0.9806007184211252]
    expect(t.n).toBe(14);
    expect(t.pearsonR).toBeCloseTo(0.9381044071165346, 12);
    expect(t.pearsonP / 7.098035073694519e-7).toBeCloseTo(1, 6);
    expect(t.ciLow).toBeCloseTo(0.8113806964194487, 10);
    expect(t.ciHigh).toBeCloseTo(0.9806007184211252, 10);
    // spearmanr: ρ = 0.9208791208791209 (= 1 − 6·Σd²/(n(n²−1)) = 1 − 6·36/2730), p = 2.9815431614565473e-06
    expect(t.spearmanRho).toBeCloseTo(1 - (6 * 36) / 2730, 12);
    expect(t.spearmanP / 2.9815431614565473e-6).toBeCloseTo(1, 6);
    // The pair's p is the less convincing of the two.
    expect(t.p).toBe(t.spearmanP);
  });

  it("ranks ties by their average before Spearman's ρ", () => {
    const x = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8, 9, 10];
    const y = [2, 1, 3, 3, 5, 4, 6, 5, 8, 6, 9, 9, 8, 10];
    // Average ranks of x: 1, 2.5, 2.5, 4, 6, 6, 6, 8, 9, 10.5, 10.5, 12, 13, 14 (the three 4s share (5+6+7)/3 = 6).
    // spearmanr: ρ = 0.9310350587510696, p = 1.3372053668020943e-06; pearsonr: r = 0.9246969847911274, p = 2.2347675279066897e-06
    const t = continuousTest(x, y)!;
    expect(t.spearmanRho).toBeCloseTo(0.9310350587510696, 12);
    expect(t.spearmanP / 1.3372053668020943e-6).toBeCloseTo(1, 6);
    expect(t.pearsonR).toBeCloseTo(0.9246969847911274, 12);
    expect(t.pearsonP / 2.2347675279066897e-6).toBeCloseTo(1, 6);
    expect(t.p).toBe(t.pearsonP);
  });

  it("gives a weak, non-significant pair its honest figures", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5];
    // pearsonr: r = 0.10210298745930735, p = 0.706717466897047, CI [−0.41458576989382245, 0.5690090643134172]
    // spearmanr: ρ = 0.1270682438511219, p = 0.6391040998565188
    const t = continuousTest(x, y)!;
    expect(t.pearsonR).toBeCloseTo(0.10210298745930735, 12);
    expect(t.pearsonP).toBeCloseTo(0.706717466897047, 8);
    expect(t.ciLow).toBeCloseTo(-0.41458576989382245, 10);
    expect(t.ciHigh).toBeCloseTo(0.5690090643134172, 10);
    expect(t.spearmanRho).toBeCloseTo(0.1270682438511219, 12);
    expect(t.spearmanP).toBeCloseTo(0.6391040998565188, 8);
  });

  it("needs 14 pairs and two series that vary", () => {
    const x = Array.from({ length: 13 }, (_, i) => i);
    expect(continuousTest(x, x.map((v) => v * 2 + (v % 3)))).toBeNull();
    const x14 = [...x, 13];
    expect(continuousTest(x14, x14.map((v) => v * 2 + (v % 3)))).not.toBeNull();
    expect(continuousTest(x14, x14.map(() => 5))).toBeNull();
  });
});

describe("binaryTest", () => {
  const withDays = [52.0, 48.5, 50.1, 47.2, 49.9, 51.3];
  const withoutDays = [58.2, 61.0, 55.4, 59.9, 57.3, 60.8, 56.1, 62.4, 58.8, 57.0];

  it("is Welch's test, with the relative difference of the means and its delta-method interval", () => {
    const flags = [...withDays.map(() => 1), ...withoutDays.map(() => 0)];
    const t = binaryTest(flags, [...withDays, ...withoutDays])!;
    // ttest_ind(with, without, equal_var=False): t = −8.643724734647767, df = 12.910250497454104, p = 9.97950808312856e-07
    expect(t.p / 9.97950808312856e-7).toBeCloseTo(1, 5);
    // Means 299/6 = 49.8333… and 586.9/10 = 58.69: relative difference 49.8333/58.69 − 1 = −0.15090588970295893.
    expect(t.meanWith).toBeCloseTo(49.833333333333336, 12);
    expect(t.meanWithout).toBeCloseTo(58.69, 12);
    expect(t.relativeDifference).toBeCloseTo(-0.15090588970295893, 12);
    // se = √(Va/b² + a²·Vb/b⁴) = 0.01618522967717335 with V = s²/n; t(0.975, df 12.91) = 2.1618963213880584
    // → [−0.15091 − 2.16190·0.016185, −0.15091 + 2.16190·0.016185] = [−0.18589667820286082, −0.11591510120305704]
    expect(t.ciLow).toBeCloseTo(-0.18589667820286082, 8);
    expect(t.ciHigh).toBeCloseTo(-0.11591510120305704, 8);
    expect(t).toMatchObject({ n: 16, daysWith: 6, daysWithout: 10 });
  });

  it("needs 3 days with and 3 without, and 14 days in all", () => {
    const ys = Array.from({ length: 20 }, (_, i) => 50 + (i % 5));
    const flags = (withCount: number) => ys.map((_, i) => (i < withCount ? 1 : 0));
    expect(binaryTest(flags(2), ys)).toBeNull();
    expect(binaryTest(flags(3), ys)).not.toBeNull();
    expect(binaryTest(flags(17), ys)).not.toBeNull();
    expect(binaryTest(flags(18), ys)).toBeNull();
    expect(binaryTest(flags(5).slice(0, 13), ys.slice(0, 13))).toBeNull();
  });

  it("refuses an outcome whose 'without' mean is not positive (no relative difference)", () => {
    const ys = Array.from({ length: 16 }, (_, i) => (i % 2 ? 0.2 : -0.4));
    expect(binaryTest(ys.map((_, i) => (i < 4 ? 1 : 0)), ys)).toBeNull();
  });

  it("refuses groups that do not vary inside (Welch's test is undefined)", () => {
    const flags = Array.from({ length: 16 }, (_, i) => (i < 5 ? 1 : 0));
    expect(binaryTest(flags, flags.map((f) => (f ? 40 : 60)))).toBeNull();
  });
});
