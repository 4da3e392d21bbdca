import { defineMutation, presentFields, updateOf } from "../../sync/define";
import { notificationsUpdateInput, profileUpdateInput, type NotificationsUpdateInput } from "./inputs";

/** The profile's preferences a device may change offline (the name lives with the account, online). */
export const profilePreferencesInput = profileUpdateInput.omit({ name: true });

export const updateProfilePreferencesMutation = defineMutation({
  name: "profile.updatePreferences",
  table: "profiles",
  kind: "put",
  args: profilePreferencesInput,
  locate: () => ({}),
  fields: presentFields,
  argsOf: (_locator, fields) => profilePreferencesInput.parse(updateOf(fields)),
  label: { row: () => "Profile", fields: { height_cm: "Height", weight_kg: "Weight", time_zone: "Time zone", units: "Units", energy_unit: "Energy unit" } },
});

/** Quiet hours are one field ({ start, end } or null) over two columns: their ends only make sense together. */
export const updateNotificationPreferencesMutation = defineMutation({
  name: "notifications.updatePreferences",
  table: "notification_preferences",
  kind: "put",
  args: notificationsUpdateInput,
  locate: () => ({}),
  fields: presentFields,
  argsOf: (_locator, fields) => notificationsUpdateInput.parse(updateOf<NotificationsUpdateInput>(fields)),
  toRow: ({ quiet_hours, ...fields }) => {
    if (quiet_hours === undefined) return fields;
    const quiet = quiet_hours as { start: string; end: string } | null;
    return { ...fields, quiet_hours_start: quiet?.start ?? null, quiet_hours_end: quiet?.end ?? null };
  },
  local: {
    tables: [],
    fields: (row) => ({
      quiet_hours: typeof row.quiet_hours_start === "string" && typeof row.quiet_hours_end === "string" ? { start: row.quiet_hours_start, end: row.quiet_hours_end } : null,
    }),
  },
  label: {
    row: () => "Notification settings",
    fields: {
      daily_summary: "Daily summary email",
      recovery_alerts: "Recovery alert email",
      weekly_report: "Weekly report email",
      marketing: "Product news email",
      push_daily_summary: "Daily summary push",
      push_recovery_alerts: "Recovery alert push",
      push_weekly_report: "Weekly report push",
      daily_summary_time: "Daily summary time",
      weekly_report_day: "Weekly report day",
      weekly_report_time: "Weekly report time",
      quiet_hours: "Quiet hours",
    },
  },
});
