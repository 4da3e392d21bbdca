import { describe, expect, it } from "vitest";
import { clockTime, formatBucketLabel, formatBucketTick, formatDay, minutesAsClock } from "./format";

describe("chart labels", () => {
  it("reads bucket keys as the local times they are", () => {
    expect(formatBucketTick("2026-03-29T03:00+02:00", "hour")).toBe("03:00");
    expect(formatBucketLabel("2026-03-29T03:00+02:00", "hour")).toBe("Sun 29 Mar, 03:00 (UTC+02:00)");
    expect(formatBucketTick("2026-06-10", "day")).toBe("10 Jun");
    expect(formatBucketLabel("2026-06-08", "week")).toBe("Week of 8 Jun 2026");
    expect(formatBucketTick("2026-06", "month")).toBe("Jun 26");
    expect(formatBucketLabel("2026-06", "month")).toBe("Jun 2026");
    expect(formatDay("2026-06-10", { weekday: true })).toBe("Wed 10 Jun");
  });

  it("shows clock times at the record's offset", () => {
    expect(clockTime("2026-06-01T21:05:00Z", 120)).toBe("23:05");
    expect(clockTime("2026-06-01T21:05:00Z", -420)).toBe("14:05");
    expect(minutesAsClock(-30)).toBe("23:30");
    expect(minutesAsClock(185)).toBe("03:05");
  });
});
