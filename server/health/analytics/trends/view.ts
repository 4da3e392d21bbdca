import type { Database } from "@/db";
import { ensureProfile } from "@/server/account/profile/service";
import { localDate } from "../../local-date";
import { unitPrefsOf, type UnitPrefs } from "./units";

/** Whose eyes a trend read is for: the user's zone (which days and hours), units, and local today. */
export interface TrendView {
  timeZone: string;
  prefs: UnitPrefs;
  today: string;
}

export async function trendViewOf(db: Database, userId: string, now = new Date()): Promise<TrendView> {
  const profile = await ensureProfile(db, userId);
  return { timeZone: profile.timeZone, prefs: unitPrefsOf(profile), today: localDate(now, null, profile.timeZone) };
}
