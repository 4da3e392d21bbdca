import WeeklyReportEmail from "@/components/emails/weekly-report";
import type { Database } from "@/db";
import { findUserById } from "../../account/auth/users";
import type { NotificationContent } from "../../account/notifications/sources";
import { userTimeZone } from "../../account/profile/service";
import { formatChange, formatMetric, formatWeekRange } from "./format";
import { ensureWeeklyReport } from "./store";
import { lastCompleteWeekStart, todayIn } from "./week";
import type { WeeklyFigures } from "./figures";

/** The page of a report, below the app's address. */
export const reportPath = (week: string) => `/reports/${week}`;

/** The headline of a report in one line: "Energy score 72.4 (+2.3), sleep 7 h 15 min, HRV 54.2 ms". */
export function reportHeadline(figures: WeeklyFigures): string {
  const { energyScore, sleepSeconds, hrv } = figures.averages;
  const parts = [
    energyScore.value === null ? null : `Energy score ${formatMetric("energyScore", energyScore.value)}${energyScore.change === null ? "" : ` (${formatChange("energyScore", energyScore.change)})`}`,
    sleepSeconds.value === null ? null : `sleep ${formatMetric("sleepSeconds", sleepSeconds.value)}`,
    hrv.value === null ? null : `HRV ${formatMetric("hrv", hrv.value)}`,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(", ") : "Not enough data for averages this week";
}

/**
 * The weekly report due at `now`: last week's (the week before the user's current local week),
 * made now if the weekly job has not made it yet; null when that week has no data.
 */
export async function weeklyReportNotification(db: Database, userId: string, now: Date): Promise<NotificationContent | null> {
  const weekStart = lastCompleteWeekStart(todayIn(now, await userTimeZone(db, userId)));
  const report = await ensureWeeklyReport(db, userId, weekStart);
  if (!report) return null;
  const { figures } = report;
  const name = (await findUserById(db, userId))?.name ?? null;
  const headline = reportHeadline(figures);
  return {
    kind: "weekly-report",
    dedupeKey: `weekly-report:${userId}:${figures.week}`,
    subject: `Your week of ${formatWeekRange(figures)}: ${headline}`,
    email: (links) => <WeeklyReportEmail name={name} figures={figures} reportUrl={new URL(reportPath(figures.week), links.appUrl).toString()} links={links} />,
    inApp: { title: `Your weekly report for ${formatWeekRange(figures)}`, body: `${headline}.`, href: reportPath(figures.week) },
  };
}
