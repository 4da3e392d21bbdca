import { describe, expect, it } from "vitest";
import { isoWeek } from "../../inputs";
import { localDate } from "../local-date";
import { isReportHour, weeklyReportEvent } from "./weekly-schedule";
import { isCompleteWeek, lastCompleteWeekStart, mondayOf, weekLabel, weekStartOf } from "./week";

describe("ISO weeks of local dates", () => {
  it("labels weeks by the year of their Thursday, both ways", () => {
    const cases: [string, string][] = [
      ["2026-11-23", "2026-W48"],
      ["2025-12-29", "2026-W01"], // Monday 29 Dec 2025: its Thursday is 1 Jan 2026
      ["2026-12-28", "2026-W53"], // 2026 starts on a Thursday: 53 weeks
      ["2027-01-04", "2027-W01"],
      ["2021-01-04", "2021-W01"], // 1–3 Jan 2021 were still 2020-W53
    ];
    for (const [monday, label] of cases) {
      expect(weekLabel(monday), monday).toBe(label);
      expect(weekStartOf(label), label).toBe(monday);
    }
    expect(mondayOf("2021-01-03")).toBe("2020-12-28");
    expect(weekLabel(mondayOf("2021-01-03"))).toBe("2020-W53");
  });

  it("a Sunday 23:30 in Los Angeles belongs to that Sunday's week (already Monday in UTC)", () => {
    const lateSunday = new Date("2026-11-30T07:30:00Z");
    expect(localDate(lateSunday, null, "America/Los_Angeles")).toBe("2026-11-29");
    expect(weekLabel(mondayOf(localDate(lateSunday, null, "America/Los_Angeles")))).toBe("2026-W48");
    expect(weekLabel(mondayOf(localDate(lateSunday, null, "UTC")))).toBe("2026-W49");
    // At that moment W48 is not over in Los Angeles: the last complete week is W47.
    const today = localDate(lateSunday, null, "America/Los_Angeles");
    expect(isCompleteWeek("2026-11-23", today)).toBe(false);
    expect(weekLabel(lastCompleteWeekStart(today))).toBe("2026-W47");
    expect(weekLabel(lastCompleteWeekStart("2026-11-30"))).toBe("2026-W48");
  });

  it("the report hour is Monday 04:00–05:00 local, once a week per zone, across a DST change", () => {
    const hoursOfWeek = (zone: string, monday: string) =>
      Array.from({ length: 24 * 7 }, (_, h) => new Date(Date.parse(`${monday}T00:00:00Z`) - 86_400_000 + h * 3_600_000))
        .filter((at) => isReportHour(at, zone))
        .map((at) => at.toISOString().slice(0, 16));
    // Los Angeles is UTC−8 in November: Monday 04:00 PST is 12:00 UTC.
    expect(hoursOfWeek("America/Los_Angeles", "2026-11-30")).toEqual(["2026-11-30T12:00"]);
    // Berlin on the Monday after the October change: 04:00 CET is 03:00 UTC (it was 02:00 UTC the Monday before).
    expect(hoursOfWeek("Europe/Berlin", "2026-10-26")).toEqual(["2026-10-26T03:00"]);
    expect(hoursOfWeek("Europe/Berlin", "2026-10-19")).toEqual(["2026-10-19T02:00"]);
    expect(weeklyReportEvent("u1", "2026-11-23")).toEqual({ name: "reports/weekly.requested", data: { userId: "u1", weekStart: "2026-11-23" }, id: "weekly-report-2026-11-23-u1" });
  });

  it("the week input takes only weeks the year has", () => {
    for (const good of ["2026-W01", "2026-W48", "2026-W53", "2020-W53"]) expect(isoWeek.safeParse(good).success, good).toBe(true);
    for (const bad of ["2025-W53", "2026-W00", "2026-W54", "2026-48", "2026-w48", "1899-W10", "2026-W48\n"]) expect(isoWeek.safeParse(bad).success, bad).toBe(false);
  });
});
