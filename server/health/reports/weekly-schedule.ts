import type { Database } from "@/db";
import type { AppEvent } from "@/inngest/events";
import { timeZonesOf } from "../../account/profile/service";
import { localDate, zoneOffsetMinutes } from "../local-date";
import { NIGHTLY_LOCAL_HOUR, NIGHTLY_PAGE_SIZE } from "../analytics/nightly";
import { usersWithDailySummaries } from "../timeseries/summaries";
import { lastCompleteWeekStart } from "./week";

/**
 * The local hour on Monday when last week's report is made: the hour after the nightly recompute,
 * so Sunday's score and the week's correlations are as fresh as they get.
 */
export const REPORT_LOCAL_HOUR = NIGHTLY_LOCAL_HOUR + 1;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Whether `at` falls in the report hour of a Monday in `timeZone` (one hourly slot a week per zone). */
export function isReportHour(at: Date, timeZone: string): boolean {
  const localMs = at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000;
  const monday = new Date(Math.floor(localMs / DAY_MS) * DAY_MS).getUTCDay() === 1;
  return monday && Math.floor(localMs / HOUR_MS) % 24 === REPORT_LOCAL_HOUR;
}

/** Last week's report of one user; its id makes a repeat a no-op. */
export function weeklyReportEvent(userId: string, weekStart: string): AppEvent<"reports/weekly.requested"> {
  return { name: "reports/weekly.requested", data: { userId, weekStart }, id: `weekly-report-${weekStart}-${userId}` };
}

export interface WeeklyReportPage {
  events: AppEvent<"reports/weekly.requested">[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

/** One page of the users with daily summaries: the report events of those whose Monday report hour `at` is. */
export async function weeklyReportPage(db: Database, at: Date, after: string | null, limit = NIGHTLY_PAGE_SIZE): Promise<WeeklyReportPage> {
  const userIds = await usersWithDailySummaries(db, { after, limit });
  const zones = await timeZonesOf(db, userIds);
  const events = userIds.flatMap((userId) => {
    const zone = zones.get(userId)!;
    return isReportHour(at, zone) ? [weeklyReportEvent(userId, lastCompleteWeekStart(localDate(at, null, zone)))] : [];
  });
  return { events, next: userIds.length === limit ? userIds[userIds.length - 1]! : null };
}
