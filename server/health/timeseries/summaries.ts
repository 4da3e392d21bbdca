import { and, asc, desc, eq, gt, gte, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { dailySummaries } from "@/db/schema";
import { AppError } from "../../errors";
import type { DayValues } from "./rolling";

export type DailySummary = typeof dailySummaries.$inferSelect;

/** The longest span of days one read of daily summaries may cover. */
export const MAX_SUMMARY_RANGE_DAYS = 400;

const DAY_MS = 86_400_000;

/** Checks a from/to range of local dates (YYYY-MM-DD); each error names its field. */
export function assertSummaryRange(from: string, to: string): void {
  const start = parseLocalDate(from, "from");
  const days = (parseLocalDate(to, "to") - start) / DAY_MS;
  if (days < 0) throw AppError.field("to", "The end date must not be before the start date.");
  if (days > MAX_SUMMARY_RANGE_DAYS) throw AppError.field("to", `Ask for at most ${MAX_SUMMARY_RANGE_DAYS} days at a time.`);
}

function parseLocalDate(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw AppError.field(field, "Use a date like 2026-06-01.");
  return ms;
}

/** The user's daily summaries between two local dates (inclusive), oldest first; at most MAX_SUMMARY_RANGE_DAYS apart. */
export async function summariesBetween(db: Database, userId: string, from: string, to: string): Promise<DailySummary[]> {
  assertSummaryRange(from, to);
  return db
    .select()
    .from(dailySummaries)
    .where(and(eq(dailySummaries.userId, userId), gte(dailySummaries.localDate, from), lte(dailySummaries.localDate, to)))
    .orderBy(dailySummaries.localDate);
}

/** The most recent day with any data, or null before the first sync. */
export async function latestSummary(db: Database, userId: string): Promise<DailySummary | null> {
  const [row] = await db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId)).orderBy(desc(dailySummaries.localDate)).limit(1);
  return row ?? null;
}

/** Users holding any daily summary, in id order after `after`, at most `limit` of them (a page of a walk over all). */
export async function usersWithDailySummaries(db: Database, opts: { after: string | null; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ userId: dailySummaries.userId })
    .from(dailySummaries)
    .where(opts.after ? gt(dailySummaries.userId, opts.after) : undefined)
    .groupBy(dailySummaries.userId)
    .orderBy(asc(dailySummaries.userId))
    .limit(opts.limit);
  return rows.map((r) => r.userId);
}

/** Every stored day's values of the user (canonical units), oldest first: what the insights are computed from. */
export async function dailyValuesHistory(db: Database, userId: string): Promise<DayValues[]> {
  const rows = await db
    .select({ date: dailySummaries.localDate, values: dailySummaries.values })
    .from(dailySummaries)
    .where(eq(dailySummaries.userId, userId))
    .orderBy(asc(dailySummaries.localDate));
  return rows;
}

export interface SummaryWeek {
  /** The Monday of the ISO week. */
  weekStart: string;
  /** Days of the week with a summary. */
  days: number;
  /** When a summary of the week was last rolled up. */
  lastRolledUpAt: Date;
}

/** The ISO weeks (Monday first) in which the user has daily summaries between two local dates, newest first. */
export async function summaryWeeks(db: Database, userId: string, from: string, to: string): Promise<SummaryWeek[]> {
  const week = sql<string>`date_trunc('week', ${dailySummaries.localDate})::date::text`;
  const rows = await db
    .select({ weekStart: week, days: sql<number>`count(*)::int`, lastRolledUpAt: sql<string>`max(${dailySummaries.computedAt})` })
    .from(dailySummaries)
    .where(and(eq(dailySummaries.userId, userId), gte(dailySummaries.localDate, from), lte(dailySummaries.localDate, to)))
    .groupBy(week)
    .orderBy(desc(week));
  return rows.map((r) => ({ weekStart: r.weekStart, days: r.days, lastRolledUpAt: new Date(r.lastRolledUpAt) }));
}
