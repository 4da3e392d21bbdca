import { describe, expect, it } from "vitest";
import { bucketDays, mondayOf, type DayPoint } from "./buckets";

const day = (date: string, value: number, min = value, max = value, readings: number | null = null): DayPoint => ({ date, value, min, max, readings });

describe("day buckets", () => {
  it("weeks start on Monday, months by calendar", () => {
    expect(mondayOf("2026-03-29")).toBe("2026-03-23"); // a Sunday
    expect(mondayOf("2026-03-30")).toBe("2026-03-30"); // a Monday
    expect(mondayOf("2027-01-01")).toBe("2026-12-28"); // a week across the new year
  });

  it("a bucket is the mean day, the extremes of its days, their sum and how many there are", () => {
    const days = [
      day("2026-03-27", 8000), // Friday
      day("2026-03-29", 12000), // Sunday
      day("2026-03-30", 5000), // Monday: the next week
      day("2026-04-01", 7000),
    ];
    expect(bucketDays(days, "week")).toEqual([
      // (8000 + 12000) / 2 = 10000
      { key: "2026-03-23", avg: 10000, min: 8000, max: 12000, sum: 20000, count: 2, readings: null },
      { key: "2026-03-30", avg: 6000, min: 5000, max: 7000, sum: 12000, count: 2, readings: null },
    ]);
    // March: (8000 + 12000 + 5000) / 3 = 8333.33…
    const months = bucketDays(days, "month");
    expect(months.map((m) => [m.key, m.count, m.sum])).toEqual([
      ["2026-03", 3, 25000],
      ["2026-04", 1, 7000],
    ]);
    expect(months[0]!.avg).toBeCloseTo(8333.333, 3);
  });

  it("keeps the readings' extremes and counts, in order whatever the input order", () => {
    const days = [day("2026-06-02", 64, 48, 150, 1440), day("2026-06-01", 60, 50, 120, 1380)];
    expect(bucketDays(days, "day").map((d) => d.key)).toEqual(["2026-06-01", "2026-06-02"]);
    // (60 + 64) / 2 = 62; lowest reading 48, highest 150; 1380 + 1440 = 2820 readings.
    expect(bucketDays(days, "week")).toEqual([{ key: "2026-06-01", avg: 62, min: 48, max: 150, sum: 124, count: 2, readings: 2820 }]);
  });
});
