import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { weeklyReports, type WeeklyReport } from "@/db/schema/reports";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Paginated, type PaginationInput } from "../../pagination";
import { strongestSignificantCorrelation } from "../analytics/insights/correlations";
import { scoresBetween } from "../analytics/insights/history";
import { addDays } from "../local-date";
import { summariesBetween, summaryWeeks } from "../timeseries/summaries";
import { computeWeekFigures, type WeeklyFigures } from "./figures";
import { isCompleteWeek, mondayOf, weekEndOf, weekLabel, weekStartOf } from "./week";

export type { WeeklyReport };

/** The week's figures from what is stored now, and how many of its days have a daily summary. */
export async function figuresAsStored(db: Database, userId: string, weekStart: string): Promise<{ figures: WeeklyFigures; daysWithData: number }> {
  const from = addDays(weekStart, -7);
  const to = weekEndOf(weekStart);
  const summaries = await summariesBetween(db, userId, from, to);
  const scores = await scoresBetween(db, userId, from, to);
  const correlation = await strongestSignificantCorrelation(db, userId);
  const figures = computeWeekFigures({
    weekStart,
    summaries: summaries.map((s) => ({ date: s.localDate, values: s.values })),
    scores: scores.map((s) => ({ date: s.localDate, state: s.state, score: s.score })),
    correlation,
  });
  return { figures, daysWithData: summaries.filter((s) => s.localDate >= weekStart).length };
}

export interface ReportHead {
  id: string;
  weekStart: string;
  lateCheckedAt: Date | null;
}

/** Every report of the user, without its figures (a few dozen rows a year). */
export function reportHeads(db: Database, userId: string): Promise<ReportHead[]> {
  return db.select({ id: weeklyReports.id, weekStart: weeklyReports.weekStart, lateCheckedAt: weeklyReports.lateCheckedAt }).from(weeklyReports).where(eq(weeklyReports.userId, userId));
}

/** How far back the reports page offers to make a missing report. */
export const AWAITING_WEEKS = 26;

/** Weeks that are over, have data and no report yet (of the last AWAITING_WEEKS), newest first. */
export async function weeksAwaitingReport(db: Database, userId: string, today: string) {
  const thisMonday = mondayOf(today);
  const weeks = await summaryWeeks(db, userId, addDays(thisMonday, -7 * AWAITING_WEEKS), addDays(thisMonday, -1));
  const made = new Set((await reportHeads(db, userId)).map((h) => h.weekStart));
  return weeks.filter((w) => !made.has(w.weekStart)).map((w) => ({ week: weekLabel(w.weekStart), weekStart: w.weekStart, weekEnd: weekEndOf(w.weekStart), days: w.days }));
}

export async function reportOfWeek(db: Database, userId: string, weekStart: string): Promise<WeeklyReport | null> {
  const [row] = await db.select().from(weeklyReports).where(and(eq(weeklyReports.userId, userId), eq(weeklyReports.weekStart, weekStart)));
  return row ?? null;
}

/** Stores a report once; a second call for the same week (a retried job, a double click) returns the first. */
export async function saveReport(db: Database, userId: string, figures: WeeklyFigures, opts: { checkedNow?: boolean } = {}): Promise<WeeklyReport> {
  const [inserted] = await db
    .insert(weeklyReports)
    .values({ userId, weekStart: figures.weekStart, figures, lateCheckedAt: opts.checkedNow ? sql`now()` : null })
    .onConflictDoNothing({ target: [weeklyReports.userId, weeklyReports.weekStart] })
    .returning();
  return inserted ?? (await reportOfWeek(db, userId, figures.weekStart))!;
}

/**
 * The report of a week, made from the stored data if there is none yet; null for a week without
 * any daily summary. A made report never changes (see late-check.ts for data that comes later).
 */
export async function ensureWeeklyReport(db: Database, userId: string, weekStart: string): Promise<WeeklyReport | null> {
  const existing = await reportOfWeek(db, userId, weekStart);
  if (existing) return existing;
  const { figures, daysWithData } = await figuresAsStored(db, userId, weekStart);
  return daysWithData > 0 ? saveReport(db, userId, figures) : null;
}

/** "Make this week's report": only for a week that is over and has data; each refusal names `week`. */
export async function makeReportOnRequest(db: Database, userId: string, week: string, today: string): Promise<WeeklyReport> {
  const weekStart = weekStartOf(week);
  if (!isCompleteWeek(weekStart, today)) throw AppError.field("week", `${week} is not over yet: its report can be made from ${addDays(weekEndOf(weekStart), 1)}.`);
  const report = await ensureWeeklyReport(db, userId, weekStart);
  if (!report) throw AppError.field("week", `There is no data for ${week}, so there is nothing to report.`);
  return report;
}

export async function getReport(db: Database, userId: string, week: string): Promise<WeeklyReport> {
  const report = await reportOfWeek(db, userId, weekStartOf(week));
  if (!report) throw AppError.notFound("Weekly report");
  return report;
}

/** The user's reports, newest week first, paged by (week, id). */
/** The user's reports, newest first; `since`: only weeks ending on or after it (the plan's history window). */
export async function listReports(db: Database, userId: string, input: PaginationInput, since: string | null = null): Promise<Paginated<WeeklyReport>> {
  const after = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(weeklyReports)
    .where(
      and(
        eq(weeklyReports.userId, userId),
        since ? gte(weeklyReports.weekStart, addDays(since, -6)) : undefined,
        after ? sql`(${weeklyReports.weekStart}, ${weeklyReports.id}) < (${after.at.toISOString().slice(0, 10)}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(weeklyReports.weekStart), desc(weeklyReports.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => new Date(`${row.weekStart}T00:00:00Z`));
}

