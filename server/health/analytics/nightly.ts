import type { Database } from "@/db";
import type { AppEvent } from "@/inngest/events";
import { timeZonesOf } from "../../account/profile/service";
import { localDate, zoneOffsetMinutes } from "../local-date";
import { usersWithDailySummaries } from "../timeseries/summaries";

/** The local hour of a user's nightly recompute: the new day has begun, most nights are not over. */
export const NIGHTLY_LOCAL_HOUR = 3;
/** Users looked at per step of the fan-out (two steps a page: Inngest allows 1,000 steps a run, so 500 pages). */
export const NIGHTLY_PAGE_SIZE = 500;

const HOUR_MS = 3_600_000;

/** Whether `at` falls in the nightly hour in `timeZone` (each zone, half-hour ones too, has one such hourly slot a day). */
export function isNightlyHour(at: Date, timeZone: string): boolean {
  const localMs = at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000;
  return Math.floor(localMs / HOUR_MS) % 24 === NIGHTLY_LOCAL_HOUR;
}

/** The nightly event of one user and local day; its id makes a second one within 24 h a no-op. */
export function nightlyEvent(userId: string, day: string): AppEvent<"analytics/recompute.requested"> {
  return { name: "analytics/recompute.requested", data: { userId, reason: "nightly" }, id: `nightly-${day}-${userId}` };
}

export interface NightlyPage {
  events: AppEvent<"analytics/recompute.requested">[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

/** One page of the users with daily summaries: the nightly events of those whose nightly hour `at` is. */
export async function nightlyPage(db: Database, at: Date, after: string | null, limit = NIGHTLY_PAGE_SIZE): Promise<NightlyPage> {
  const userIds = await usersWithDailySummaries(db, { after, limit });
  const zones = await timeZonesOf(db, userIds);
  const events = userIds.flatMap((userId) => {
    const zone = zones.get(userId)!;
    return isNightlyHour(at, zone) ? [nightlyEvent(userId, localDate(at, null, zone))] : [];
  });
  return { events, next: userIds.length === limit ? userIds[userIds.length - 1]! : null };
}
