import { describe, expect, it } from "vitest";
import { notificationValuesOf, profilePreferencesOf } from "./synced-settings";

describe("notificationValuesOf", () => {
  it("reads the row's columns, quiet hours as one value", () => {
    const view = notificationValuesOf({ daily_summary: false, marketing: true, push_weekly_report: false, daily_summary_time: "07:30", weekly_report_day: 5, quiet_hours_start: "22:00", quiet_hours_end: "06:00" });
    expect(view).toMatchObject({ dailySummary: false, marketing: true, pushWeeklyReport: false, recoveryAlerts: true, dailySummaryTime: "07:30", weeklyReportDay: 5, quietHours: { start: "22:00", end: "06:00" } });
  });

  it("reads a missing row as the defaults, and half quiet hours as none", () => {
    expect(notificationValuesOf(undefined)).toEqual({
      dailySummary: true,
      recoveryAlerts: true,
      weeklyReport: true,
      marketing: false,
      pushDailySummary: true,
      pushRecoveryAlerts: true,
      pushWeeklyReport: true,
      dailySummaryTime: "08:00",
      weeklyReportDay: 1,
      weeklyReportTime: "08:00",
      quietHours: null,
    });
    expect(notificationValuesOf({ quiet_hours_start: "22:00", quiet_hours_end: null }).quietHours).toBeNull();
  });
});

describe("profilePreferencesOf", () => {
  it("reads numeric columns as numbers and falls back to the defaults", () => {
    expect(profilePreferencesOf({ height_cm: "180.5", weight_kg: 72.25, time_zone: "Europe/Berlin", units: "imperial", energy_unit: "kJ" })).toEqual({
      heightCm: 180.5,
      weightKg: 72.25,
      timeZone: "Europe/Berlin",
      units: "imperial",
      energyUnit: "kJ",
    });
    expect(profilePreferencesOf(undefined)).toEqual({ heightCm: null, weightKg: null, timeZone: "UTC", units: "metric", energyUnit: "kcal" });
  });
});
