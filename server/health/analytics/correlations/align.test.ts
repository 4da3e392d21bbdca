import { describe, expect, it } from "vitest";
import { alignPairs, byDayNumber, dayNumber } from "./align";

describe("alignPairs", () => {
  it("pairs x on day d with y on day d + lag, skipping days either side is missing", () => {
    const x = byDayNumber(new Map([["2026-02-27", 1], ["2026-02-28", 2], ["2026-03-01", 3], ["2026-03-02", 4]]));
    const y = byDayNumber(new Map([["2026-02-28", 20], ["2026-03-01", 30], ["2026-03-03", 50]]));
    // Lag 0: the shared days 02-28 and 03-01.
    expect(alignPairs(x, y, 0)).toEqual({ xs: [2, 3], ys: [20, 30] });
    // Lag 1 across the month end: 02-27→02-28, 02-28→03-01, 03-02→03-03 (03-01→03-02 has no y).
    expect(alignPairs(x, y, 1)).toEqual({ xs: [1, 2, 4], ys: [20, 30, 50] });
    // Lag 3: 02-28→03-03 only.
    expect(alignPairs(x, y, 3)).toEqual({ xs: [2], ys: [50] });
    expect(dayNumber("2026-03-01") - dayNumber("2026-02-28")).toBe(1);
  });
});
