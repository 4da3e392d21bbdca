import type { Database } from "@/db";
import { AppError } from "@/server/errors";
import { addDays } from "../../local-date";
import { DEFAULT_SLEEP_NEED_SECONDS } from "../../metrics";
import { providerRanking } from "../../timeseries/priority";
import { sleepSessionsBetween } from "../../timeseries/sessions";
import { assertSummaryRange, summariesBetween } from "../../timeseries/summaries";
import { nightsFrom, REGULARITY_WINDOW_DAYS, type Night } from "./nights";
import type { TrendView } from "./view";

/** Nights carry their stages: two months of them is what one read returns. */
export const MAX_NIGHTS_RANGE_DAYS = 62;

export interface SleepNights {
  /** The nightly need the debt is counted against. */
  needSeconds: number;
  timeZone: string;
  /** Oldest first; canonical units (seconds, 0–1). */
  nights: Night[];
}

export function assertNightsRange(from: string, to: string): void {
  assertSummaryRange(from, to);
  if (to > addDays(from, MAX_NIGHTS_RANGE_DAYS - 1)) throw AppError.field("to", `Nights can be read for up to ${MAX_NIGHTS_RANGE_DAYS} days at a time.`);
}

/** The nights woken up from on local days in [from, to]; regularity also looks at the 13 days before. */
export async function sleepNights(db: Database, userId: string, range: { from: string; to: string }, view: TrendView): Promise<SleepNights> {
  assertNightsRange(range.from, range.to);
  const since = addDays(range.from, -(REGULARITY_WINDOW_DAYS - 1));
  const [sessions, rank, summaries] = [
    await sleepSessionsBetween(db, userId, since, range.to),
    await providerRanking(db, userId),
    await summariesBetween(db, userId, range.from, range.to),
  ];
  const debtByDate = new Map<string, number>();
  for (const s of summaries) if (typeof s.values.sleep_debt_seconds === "number") debtByDate.set(s.localDate, s.values.sleep_debt_seconds);
  const nights = nightsFrom(sessions, { rank, timeZone: view.timeZone, debtByDate }).filter((n) => n.date >= range.from);
  return { needSeconds: DEFAULT_SLEEP_NEED_SECONDS, timeZone: view.timeZone, nights };
}
