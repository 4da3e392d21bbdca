import { NOTIFICATION_SCHEDULE_DEFAULTS } from "@/db/schema/profile";
import type { NotificationSettings } from "@/server/account/profile/service";
import type { UnitSystem } from "@/server/account/profile/units";
import type { EnergyUnit } from "@/server/health/analytics/trends/units";
import type { SyncRow } from "@/server/sync/protocol";

/*
 * The settings as pages show them, read from this device's copy of their one row (SQL column names);
 * a row not there yet reads as the table's defaults, like the server's first read creates it.
 */

/** The notification settings a page shows (the server's view of them, without its bookkeeping). */
export type NotificationValues = Omit<NotificationSettings, "updatedAt">;

export interface ProfilePreferences {
  heightCm: number | null;
  weightKg: number | null;
  timeZone: string;
  units: UnitSystem;
  energyUnit: EnergyUnit;
}

const flag = (value: unknown, fallback: boolean) => (typeof value === "boolean" ? value : fallback);
const text = (value: unknown, fallback: string) => (typeof value === "string" && value !== "" ? value : fallback);
const numberOrNull = (value: unknown) => (value === null || value === undefined || value === "" ? null : Number(value));

export function notificationValuesOf(row: SyncRow | undefined): NotificationValues {
  const r = row ?? {};
  const start = r.quiet_hours_start;
  const end = r.quiet_hours_end;
  return {
    dailySummary: flag(r.daily_summary, true),
    recoveryAlerts: flag(r.recovery_alerts, true),
    weeklyReport: flag(r.weekly_report, true),
    marketing: flag(r.marketing, false),
    pushDailySummary: flag(r.push_daily_summary, true),
    pushRecoveryAlerts: flag(r.push_recovery_alerts, true),
    pushWeeklyReport: flag(r.push_weekly_report, true),
    dailySummaryTime: text(r.daily_summary_time, NOTIFICATION_SCHEDULE_DEFAULTS.dailySummaryTime),
    weeklyReportDay: numberOrNull(r.weekly_report_day) ?? NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportDay,
    weeklyReportTime: text(r.weekly_report_time, NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportTime),
    quietHours: typeof start === "string" && typeof end === "string" ? { start, end } : null,
  };
}

export function profilePreferencesOf(row: SyncRow | undefined): ProfilePreferences {
  const r = row ?? {};
  return {
    heightCm: numberOrNull(r.height_cm),
    weightKg: numberOrNull(r.weight_kg),
    timeZone: text(r.time_zone, "UTC"),
    units: r.units === "imperial" ? "imperial" : "metric",
    energyUnit: r.energy_unit === "kJ" ? "kJ" : "kcal",
  };
}
