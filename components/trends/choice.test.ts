import { describe, expect, it } from "vitest";
import { parseTrendChoice, trendChoiceSearch, withCustomRange, withPreset } from "./choice";
import { parseDay, parseDays, rangeEnding } from "./range";

const TODAY = "2026-06-30";

describe("the trends choice in the URL", () => {
  it("defaults to resting heart rate over 30 days by day", () => {
    expect(parseTrendChoice({}, TODAY)).toEqual({ metric: "resting_heart_rate", compare: null, range: 30, from: "2026-06-01", to: TODAY, bucket: "day" });
  });

  it("reads a shared link back exactly", () => {
    const choice = parseTrendChoice({ metric: "steps", compare: "sleep_asleep_seconds", range: "365", bucket: "month" }, TODAY);
    expect(choice).toEqual({ metric: "steps", compare: "sleep_asleep_seconds", range: 365, from: "2025-07-01", to: TODAY, bucket: "month" });
    expect(trendChoiceSearch(choice)).toBe("?metric=steps&compare=sleep_asleep_seconds&range=365&bucket=month");
    const custom = parseTrendChoice({ metric: "heart_rate", range: "custom", from: "2026-03-28", to: "2026-03-30", bucket: "hour" }, TODAY);
    expect(custom).toMatchObject({ range: "custom", from: "2026-03-28", to: "2026-03-30", bucket: "hour" });
    expect(parseTrendChoice(Object.fromEntries(new URLSearchParams(trendChoiceSearch(custom))), TODAY)).toEqual(custom);
  });

  it("replaces what it cannot use", () => {
    // An unknown metric, a comparison with itself, a range in the future, hours for a daily value.
    expect(parseTrendChoice({ metric: "mood", compare: "mood" }, TODAY).metric).toBe("resting_heart_rate");
    expect(parseTrendChoice({ metric: "steps", compare: "steps" }, TODAY).compare).toBeNull();
    expect(parseTrendChoice({ range: "custom", from: "2026-06-01", to: "2026-07-05" }, TODAY)).toMatchObject({ range: 30, from: "2026-06-01", to: TODAY });
    expect(parseTrendChoice({ metric: "sleep_efficiency", range: "7", bucket: "hour" }, TODAY).bucket).toBe("day");
    expect(parseTrendChoice({ metric: "heart_rate", range: "90", bucket: "hour" }, TODAY).bucket).toBe("day");
  });

  it("picks a bucket that suits a new range", () => {
    const base = parseTrendChoice({ metric: "heart_rate", range: "7", bucket: "hour" }, TODAY);
    expect(base.bucket).toBe("hour");
    expect(withPreset(base, 30, TODAY).bucket).toBe("hour"); // 30 days of hours is still allowed
    expect(withPreset(base, 90, TODAY).bucket).toBe("day");
    expect(withPreset({ ...base, bucket: "day" }, 365, TODAY).bucket).toBe("week");
    expect(withPreset({ ...base, bucket: "month" }, 7, TODAY).bucket).toBe("month"); // coarser is kept
    expect(withCustomRange({ ...base, bucket: "day" }, "2025-06-01", TODAY)).toMatchObject({ range: "custom", bucket: "week" });
  });
});

describe("day ranges", () => {
  it("ends on today, and reads search parameters strictly", () => {
    expect(rangeEnding(TODAY, 7)).toEqual({ from: "2026-06-24", to: TODAY });
    expect(parseDays("90", [7, 30, 90] as const, 30)).toBe(90);
    expect(parseDays("45", [7, 30, 90] as const, 30)).toBe(30);
    expect(parseDay("2026-06-10", TODAY)).toBe("2026-06-10");
    expect(parseDay("2026-02-30", TODAY)).toBeNull();
    expect(parseDay("2026-07-01", TODAY)).toBeNull();
    expect(parseDay(["2026-06-10"], TODAY)).toBeNull();
  });
});
