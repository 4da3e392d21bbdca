import type { NotificationSettings } from "../profile/service";
import type { NotificationKind } from "./sources";

/** The email preference of each kind (the in-app list always gets every kind). */
export const EMAIL_PREFERENCE = {
  "daily-summary": "dailySummary",
  "recovery-alert": "recoveryAlerts",
  "weekly-report": "weeklyReport",
} as const satisfies Record<NotificationKind, keyof NotificationSettings>;

/** The Web Push preference of each kind (pushed only to the devices the user subscribed). */
export const PUSH_PREFERENCE = {
  "daily-summary": "pushDailySummary",
  "recovery-alert": "pushRecoveryAlerts",
  "weekly-report": "pushWeeklyReport",
} as const satisfies Record<NotificationKind, keyof NotificationSettings>;

export const KIND_LABELS: Record<NotificationKind, string> = {
  "daily-summary": "the daily summary",
  "recovery-alert": "recovery alerts",
  "weekly-report": "the weekly report",
};

export const emailsKind = (settings: NotificationSettings, kind: NotificationKind): boolean => settings[EMAIL_PREFERENCE[kind]];

export const pushesKind = (settings: NotificationSettings, kind: NotificationKind): boolean => settings[PUSH_PREFERENCE[kind]];
