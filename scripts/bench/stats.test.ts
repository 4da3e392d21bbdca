import { describe, expect, it } from "vitest";
import { median, percentile } from "./stats";

describe("bench statistics", () => {
  it("takes the middle value, the upper one of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
  });

  it("takes nearest-rank percentiles", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, shuffled order
    // Rank ⌈p/100 · n⌉: p50 → 50th value, p95 → 95th, p97.5 → ⌈97.5⌉ = 98th.
    expect([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 97.5), percentile(hundred, 100)]).toEqual([50, 95, 98, 100]);
    // n = 3: p50 → rank ⌈1.5⌉ = 2; p95 → rank ⌈2.85⌉ = 3.
    expect([percentile([30, 10, 20], 50), percentile([30, 10, 20], 95)]).toEqual([20, 30]);
  });
});
