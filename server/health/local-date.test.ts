import { describe, expect, it } from "vitest";
import { addDays, dateAtOffset, dateRange, localDate, startOfLocalDay, zoneOffsetMinutes } from "./local-date";

describe("local days", () => {
  it("uses the record's own offset", () => {
    // 23:30 in New York on March 7 is 04:30 UTC on March 8.
    expect(dateAtOffset(new Date("2026-03-08T04:30:00Z"), -300)).toBe("2026-03-07");
    expect(localDate(new Date("2026-03-08T04:30:00Z"), -300, "UTC")).toBe("2026-03-07");
  });

  it("falls back to the zone, following daylight-saving changes", () => {
    expect(zoneOffsetMinutes(new Date("2026-03-07T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(new Date("2026-03-09T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(zoneOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(localDate(new Date("2026-03-08T04:30:00Z"), null, "America/New_York")).toBe("2026-03-07");
  });

  it("enumerates and shifts days", () => {
    expect(dateRange("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("finds the instant a local day starts, across clock changes", () => {
    // Berlin: CET (+01:00) in winter, CEST (+02:00) from 02:00 on 2026-03-29 to 03:00 on 2026-10-25.
    expect(startOfLocalDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfLocalDay("2026-10-26", "Europe/Berlin").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(startOfLocalDay("2026-07-01", "Asia/Kolkata").toISOString()).toBe("2026-06-30T18:30:00.000Z");
    // Santiago skips midnight on 2026-09-06 (23:59:59 −04:00 is followed by 01:00 −03:00, i.e. 04:00 UTC).
    expect(startOfLocalDay("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });
});
