import { boolean, check, integer, numeric, pgEnum, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { syncColumns } from "./_columns";

export const profileGoal = pgEnum("profile_goal", ["energy", "sleep", "fitness", "weight", "focus"]);
export const deviceChoice = pgEnum("device_choice", ["now", "later"]);
export const unitSystem = pgEnum("unit_system", ["metric", "imperial"]);
export const energyUnit = pgEnum("energy_unit", ["kcal", "kJ"]);

/** One row per user, created lazily with defaults on first read. Measurements are stored metric. */
export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    age: integer("age"),
    goal: profileGoal("goal"),
    deviceChoice: deviceChoice("device_choice"),
    /** The onboarding step the user reached (0 = not started); a reload resumes here. */
    onboardingStep: integer("onboarding_step").notNull().default(0),
    onboardingCompletedAt: timestamp("onboarding_completed_at", { withTimezone: true }),
    heightCm: numeric("height_cm", { precision: 5, scale: 1, mode: "number" }),
    weightKg: numeric("weight_kg", { precision: 5, scale: 2, mode: "number" }),
    /** IANA time zone name, validated with Intl before it is stored. */
    timeZone: text("time_zone").notNull().default("UTC"),
    units: unitSystem("units").notNull().default("metric"),
    /** How energy (burned, eaten) is shown; stored values stay kJ. */
    energyUnit: energyUnit("energy_unit").notNull().default("kcal"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [
    check("profiles_age_range", sql`${t.age} is null or (${t.age} between 13 and 120)`),
    check("profiles_height_range", sql`${t.heightCm} is null or (${t.heightCm} between 50 and 272)`),
    check("profiles_weight_range", sql`${t.weightKg} is null or (${t.weightKg} between 20 and 400)`),
  ],
);

/** When notification emails go out unless the user chose otherwise (local time, ISO weekday). */
export const NOTIFICATION_SCHEDULE_DEFAULTS = { dailySummaryTime: "08:00", weeklyReportDay: 1, weeklyReportTime: "08:00" } as const;

/** Local clock times are "HH:MM" in the user's profile time zone. */
const clockTime = (t: AnyPgColumn) => sql`${t} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

/**
 * Which notification emails a user gets and when (the in-app list always gets every one). Quiet
 * hours are off while both ends are null; an end before the start wraps past midnight.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    dailySummary: boolean("daily_summary").notNull().default(true),
    recoveryAlerts: boolean("recovery_alerts").notNull().default(true),
    weeklyReport: boolean("weekly_report").notNull().default(true),
    marketing: boolean("marketing").notNull().default(false),
    /** Web Push per kind: on by default, but nothing is pushed until the user subscribes a device. */
    pushDailySummary: boolean("push_daily_summary").notNull().default(true),
    pushRecoveryAlerts: boolean("push_recovery_alerts").notNull().default(true),
    pushWeeklyReport: boolean("push_weekly_report").notNull().default(true),
    dailySummaryTime: text("daily_summary_time").notNull().default(NOTIFICATION_SCHEDULE_DEFAULTS.dailySummaryTime),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weeklyReportDay: smallint("weekly_report_day").notNull().default(NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportDay),
    weeklyReportTime: text("weekly_report_time").notNull().default(NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportTime),
    quietHoursStart: text("quiet_hours_start"),
    quietHoursEnd: text("quiet_hours_end"),
    ...syncColumns(),
  },
  (t) => [
    check("notification_preferences_daily_time", clockTime(t.dailySummaryTime)),
    check("notification_preferences_weekly_time", clockTime(t.weeklyReportTime)),
    check("notification_preferences_weekly_day", sql`${t.weeklyReportDay} between 1 and 7`),
    check(
      "notification_preferences_quiet_hours",
      sql`(${t.quietHoursStart} is null and ${t.quietHoursEnd} is null) or (${clockTime(t.quietHoursStart)} and ${clockTime(t.quietHoursEnd)} and ${t.quietHoursStart} <> ${t.quietHoursEnd})`,
    ),
  ],
);

/** How long raw provider payloads may be kept, in days (no value: for good). */
export const RAW_RETENTION_CHOICES = [30, 90, 365] as const;
export type RawRetentionDays = (typeof RAW_RETENTION_CHOICES)[number];

/** Consents: each one remembers when it was last changed (null = never touched, default applies). */
export const privacySettings = pgTable("privacy_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  shareAnonymousData: boolean("share_anonymous_data").notNull().default(false),
  shareAnonymousDataChangedAt: timestamp("share_anonymous_data_changed_at", { withTimezone: true }),
  researchOptIn: boolean("research_opt_in").notNull().default(false),
  researchOptInChangedAt: timestamp("research_opt_in_changed_at", { withTimezone: true }),
  /** Days raw provider payloads are kept after they arrive; null keeps them for good. */
  rawPayloadRetentionDays: integer("raw_payload_retention_days").$type<RawRetentionDays>(),
  ...syncColumns(),
}, (t) => [
  check("privacy_settings_raw_retention", sql`${t.rawPayloadRetentionDays} is null or ${t.rawPayloadRetentionDays} in (${sql.raw(RAW_RETENTION_CHOICES.join(", "))})`),
]);

export type Profile = typeof profiles.$inferSelect;
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
export type PrivacySettings = typeof privacySettings.$inferSelect;
