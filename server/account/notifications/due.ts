import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema/notifications";
import { NOTIFICATION_SCHEDULE_DEFAULTS, notificationPreferences, profiles } from "@/db/schema/profile";
import { users } from "@/db/schema/auth";
import type { AppEvent } from "@/inngest/events";
import { isSendSlot, sendTimeAt } from "./clock";
import { deliver, sendHeldEmails, sendHeldPushes, type DeliveryOutcome } from "./deliver";
import { NOTIFICATION_SOURCES, type NotificationKind } from "./sources";

/** Users looked at per step of the hourly fan-out. */
export const NOTIFY_PAGE_SIZE = 500;

export interface Schedule {
  dailySummaryTime: string;
  weeklyReportDay: number;
  weeklyReportTime: string;
}

/** The kinds whose local send time is the hourly slot `at` (the daily summary, the weekly report on its day). */
export function scheduledKindsDue(schedule: Schedule, at: Date, timeZone: string): NotificationKind[] {
  const due: NotificationKind[] = [];
  if (isSendSlot(at, schedule.dailySummaryTime, timeZone)) due.push("daily-summary");
  // The weekday of the send time itself: a slot just after midnight may serve 23:30 of the day before.
  if (sendTimeAt(at, schedule.weeklyReportTime, timeZone)?.weekday === schedule.weeklyReportDay) due.push("weekly-report");
  return due;
}

/**
 * What one user's hourly run looks at: the kinds due now, and always the recovery alert (new flags
 * come from recomputes at any hour; the source answers null when nothing is new).
 */
export function kindsForRun(schedule: Schedule, at: Date, timeZone: string): NotificationKind[] {
  return [...scheduledKindsDue(schedule, at, timeZone), "recovery-alert"];
}

/** One kind for one user at `at`: its source's content, delivered; null when the source has nothing. */
export async function deliverKind(db: Database, userId: string, kind: NotificationKind, at: Date): Promise<DeliveryOutcome | null> {
  const content = await NOTIFICATION_SOURCES[kind](db, userId, at);
  return content ? deliver(db, userId, content, at) : null;
}

export { sendHeldEmails, sendHeldPushes };

export interface NotifyPage {
  events: AppEvent<"notifications/user.due">[];
  next: string | null;
}

const userEvent = (userId: string, at: Date): AppEvent<"notifications/user.due"> => ({
  name: "notifications/user.due",
  data: { userId, at: at.toISOString() },
  id: `notifications-${at.toISOString()}-${userId}`,
});

/**
 * One page of users (by id): an event for each one with a kind due in this slot in their zone, or
 * with emails or pushes held by quiet hours. Their run works out the rest.
 */
export async function notifyPage(db: Database, at: Date, after: string | null, limit = NOTIFY_PAGE_SIZE): Promise<NotifyPage> {
  const rows = await db
    .select({
      id: users.id,
      timeZone: sql<string>`coalesce(${profiles.timeZone}, 'UTC')`,
      dailySummaryTime: sql<string>`coalesce(${notificationPreferences.dailySummaryTime}, ${NOTIFICATION_SCHEDULE_DEFAULTS.dailySummaryTime})`,
      weeklyReportDay: sql<number>`coalesce(${notificationPreferences.weeklyReportDay}, ${NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportDay})::int`,
      weeklyReportTime: sql<string>`coalesce(${notificationPreferences.weeklyReportTime}, ${NOTIFICATION_SCHEDULE_DEFAULTS.weeklyReportTime})`,
      held: sql<boolean>`exists (select 1 from ${notifications} where ${notifications.userId} = ${users.id} and (${notifications.emailState} = 'deferred' or ${notifications.pushState} = 'deferred'))`,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(after ? gt(users.id, after) : undefined))
    .orderBy(asc(users.id))
    .limit(limit);
  const events = rows.filter((r) => r.held || scheduledKindsDue(r, at, r.timeZone).length > 0).map((r) => userEvent(r.id, at));
  return { events, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}
