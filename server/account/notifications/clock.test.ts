import { describe, expect, it } from "vitest";
import { inQuietHours, isSendSlot, localClock } from "./clock";
import { scheduledKindsDue } from "./due";

const hourlySlots = (fromIso: string, hours: number) => Array.from({ length: hours }, (_, h) => new Date(new Date(fromIso).getTime() + h * 3_600_000));
const utc = (d: Date) => d.toISOString().slice(0, 16);

describe("localClock", () => {
  it("gives the local date, ISO weekday and minutes in the zone", () => {
    // 2026-03-29 is a Sunday; 23:30 UTC on the 28th is 00:30 CET on the 29th in Berlin.
    expect(localClock(new Date("2026-03-28T23:30:00Z"), "Europe/Berlin")).toEqual({ date: "2026-03-29", weekday: 7, minutes: 30 });
    expect(localClock(new Date("2026-03-30T06:00:00Z"), "Europe/Berlin")).toEqual({ date: "2026-03-30", weekday: 1, minutes: 8 * 60 });
    expect(localClock(new Date("2026-01-15T02:00:00Z"), "America/New_York")).toEqual({ date: "2026-01-14", weekday: 3, minutes: 21 * 60 });
    expect(localClock(new Date("2026-01-15T02:00:00Z"), "Asia/Kolkata")).toEqual({ date: "2026-01-15", weekday: 4, minutes: 7 * 60 + 30 });
  });
});

describe("isSendSlot", () => {
  const slotsFor = (zone: string, time: string, fromIso: string) => hourlySlots(fromIso, 24).filter((slot) => isSendSlot(slot, time, zone)).map(utc);

  it("finds the one hourly slot of a local time in winter and summer", () => {
    expect(slotsFor("Europe/Berlin", "08:00", "2026-01-15T00:00:00Z")).toEqual(["2026-01-15T07:00"]);
    expect(slotsFor("Europe/Berlin", "08:00", "2026-07-15T00:00:00Z")).toEqual(["2026-07-15T06:00"]);
    expect(slotsFor("America/New_York", "08:00", "2026-01-15T00:00:00Z")).toEqual(["2026-01-15T13:00"]);
    expect(slotsFor("America/New_York", "08:00", "2026-07-15T00:00:00Z")).toEqual(["2026-07-15T12:00"]);
    // A half-hour zone: the slot at 08:30 local covers 08:00–08:59.
    expect(slotsFor("Asia/Kolkata", "08:00", "2026-01-15T00:00:00Z")).toEqual(["2026-01-15T03:00"]);
    // A time that is not on the hour goes out in the first slot after it, past midnight too.
    expect(slotsFor("UTC", "07:45", "2026-01-15T00:00:00Z")).toEqual(["2026-01-15T08:00"]);
    expect(slotsFor("UTC", "23:30", "2026-01-15T00:00:00Z")).toEqual(["2026-01-15T00:00"]);
  });

  it("keeps 08:00 local across the DST changes (Berlin: last Sunday of March and October; New York: March 8 and November 1, 2026)", () => {
    // Berlin, 29 March 2026: 02:00 CET → 03:00 CEST. 08:00 is 07:00 UTC the day before, 06:00 UTC that day.
    expect(slotsFor("Europe/Berlin", "08:00", "2026-03-28T00:00:00Z")).toEqual(["2026-03-28T07:00"]);
    expect(slotsFor("Europe/Berlin", "08:00", "2026-03-29T00:00:00Z")).toEqual(["2026-03-29T06:00"]);
    // Berlin, 25 October 2026: back to CET.
    expect(slotsFor("Europe/Berlin", "08:00", "2026-10-24T00:00:00Z")).toEqual(["2026-10-24T06:00"]);
    expect(slotsFor("Europe/Berlin", "08:00", "2026-10-25T00:00:00Z")).toEqual(["2026-10-25T07:00"]);
    expect(slotsFor("America/New_York", "08:00", "2026-03-07T00:00:00Z")).toEqual(["2026-03-07T13:00"]);
    expect(slotsFor("America/New_York", "08:00", "2026-03-08T00:00:00Z")).toEqual(["2026-03-08T12:00"]);
    expect(slotsFor("America/New_York", "08:00", "2026-11-01T00:00:00Z")).toEqual(["2026-11-01T13:00"]);
  });

  it("sends a time skipped by spring-forward in the first hour after it", () => {
    // 02:30 does not exist in Berlin on 29 March 2026; 01:00 UTC is 03:00 CEST.
    expect(slotsFor("Europe/Berlin", "02:30", "2026-03-29T00:00:00Z")).toEqual(["2026-03-29T01:00"]);
  });
});

describe("inQuietHours", () => {
  const quietSlots = (zone: string, quiet: { start: string; end: string }, fromIso: string) =>
    hourlySlots(fromIso, 24).filter((slot) => inQuietHours(quiet, slot, zone)).map((slot) => localClock(slot, zone).minutes / 60);

  it("is off without quiet hours", () => {
    expect(inQuietHours(null, new Date("2026-01-15T03:00:00Z"), "UTC")).toBe(false);
  });

  it("covers [start, end) on the same day", () => {
    expect(quietSlots("UTC", { start: "13:00", end: "15:00" }, "2026-01-15T00:00:00Z")).toEqual([13, 14]);
  });

  it("wraps past midnight when the end is before the start", () => {
    expect(quietSlots("UTC", { start: "22:00", end: "07:00" }, "2026-01-15T00:00:00Z")).toEqual([0, 1, 2, 3, 4, 5, 6, 22, 23]);
  });

  it("follows local time in each zone and across DST", () => {
    const quiet = { start: "22:00", end: "07:00" };
    // 06:30 UTC: 07:30 in Berlin (awake), 01:30 in New York (quiet), 12:00 in Kolkata (awake).
    const at = new Date("2026-01-15T06:30:00Z");
    expect([inQuietHours(quiet, at, "Europe/Berlin"), inQuietHours(quiet, at, "America/New_York"), inQuietHours(quiet, at, "Asia/Kolkata")]).toEqual([false, true, false]);
    // 05:30 UTC is 06:30 CET (quiet) on Saturday 28 March and 07:30 CEST (awake) on Sunday 29 March.
    expect(inQuietHours(quiet, new Date("2026-03-28T05:30:00Z"), "Europe/Berlin")).toBe(true);
    expect(inQuietHours(quiet, new Date("2026-03-29T05:30:00Z"), "Europe/Berlin")).toBe(false);
    // On 25 October the hour 02:00–03:00 happens twice in Berlin: both are quiet, and 06:00 UTC (07:00 CET) is not.
    expect(quietSlots("Europe/Berlin", quiet, "2026-10-24T22:00:00Z")).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 22]);
    expect(inQuietHours(quiet, new Date("2026-10-25T06:00:00Z"), "Europe/Berlin")).toBe(false);
  });
});

describe("scheduledKindsDue", () => {
  const schedule = { dailySummaryTime: "08:00", weeklyReportDay: 1, weeklyReportTime: "08:00" };

  it("has the daily summary every day at its time and the weekly report on its weekday only", () => {
    // Monday 30 March 2026, 08:00 CEST = 06:00 UTC.
    expect(scheduledKindsDue(schedule, new Date("2026-03-30T06:00:00Z"), "Europe/Berlin")).toEqual(["daily-summary", "weekly-report"]);
    expect(scheduledKindsDue(schedule, new Date("2026-03-31T06:00:00Z"), "Europe/Berlin")).toEqual(["daily-summary"]);
    expect(scheduledKindsDue(schedule, new Date("2026-03-31T07:00:00Z"), "Europe/Berlin")).toEqual([]);
    // The weekly report's own time and day: Sunday 23:30 in New York is Monday 04:30 UTC.
    expect(scheduledKindsDue({ ...schedule, weeklyReportDay: 7, weeklyReportTime: "23:30" }, new Date("2026-03-30T04:00:00Z"), "America/New_York")).toEqual(["weekly-report"]);
  });
});
