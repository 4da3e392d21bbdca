import type { ReactElement } from "react";
import type { Database } from "@/db";
import { NOTIFICATION_KIND_VALUES } from "@/db/schema/notifications";
import { dailySummaryNotification } from "@/server/health/analytics/insights/daily-summary";
import { recoveryAlertNotification } from "@/server/health/analytics/risks/recovery-alert";
import { weeklyReportNotification } from "@/server/health/reports/notification";

/** Every notification BioSync sends; each one has an email preference of the same name. */
export const NOTIFICATION_KINDS = NOTIFICATION_KIND_VALUES;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the links of a notification email need (built by the notifications domain per recipient). */
export interface NotificationLinks {
  appUrl: string;
  /** Works without signing in (signed token); also sent as the List-Unsubscribe header. */
  unsubscribeUrl: string;
  /** The notification settings page. */
  preferencesUrl: string;
}

/** One notification for one user, as its source domain words it. */
export interface NotificationContent {
  kind: NotificationKind;
  /** The same key is delivered once (e.g. `weekly-report:<userId>:2026-W48`). */
  dedupeKey: string;
  subject: string;
  /** The React Email template element, given the links of this recipient. */
  email(links: NotificationLinks): ReactElement;
  /** The entry in the in-app notification list. */
  inApp: { title: string; body: string; href: string };
}

/**
 * Where each kind's content comes from: a function of its domain that returns the notification due
 * for the user at `now` (the user's local date and time zone are worked out inside), or null when there
 * is nothing worth sending. The notification crons fan out per user and call these.
 */
export type NotificationSource = (db: Database, userId: string, now: Date) => Promise<NotificationContent | null>;

export const NOTIFICATION_SOURCES: Record<NotificationKind, NotificationSource> = {
  "daily-summary": dailySummaryNotification,
  "recovery-alert": recoveryAlertNotification,
  "weekly-report": weeklyReportNotification,
};
