import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { weeklyReports } from "@/db/schema/reports";
import { addDays } from "../local-date";
import type { SummaryWeek } from "../timeseries/summaries";
import { computeWeekFigures, type FigureInputs } from "./figures";
import { lateDataNote } from "./late-note";
import type { ReportHead } from "./store";

/** Reports not compared since made, or with a summary of their week or the week before rolled up since the last comparison. */
export function reportsToRecheck(heads: readonly ReportHead[], weeks: readonly SummaryWeek[]): ReportHead[] {
  const rolledUp = new Map(weeks.map((w) => [w.weekStart, w.lastRolledUpAt.getTime()]));
  return heads.filter((head) => {
    if (!head.lateCheckedAt) return true;
    const latest = Math.max(rolledUp.get(head.weekStart) ?? 0, rolledUp.get(addDays(head.weekStart, -7)) ?? 0);
    return latest > head.lateCheckedAt.getTime();
  });
}

/**
 * Compares the stored figures of these reports with the figures today's data gives and stores the
 * note (or clears it when the data agrees again); the figures themselves stay as made. `history` is
 * the recompute's: every summary and freshly scored day, in memory.
 */
export async function recheckReports(db: Database, heads: readonly ReportHead[], history: Pick<FigureInputs, "summaries" | "scores">): Promise<number> {
  if (heads.length === 0) return 0;
  const stored = await db.select({ id: weeklyReports.id, figures: weeklyReports.figures, lateNote: weeklyReports.lateNote }).from(weeklyReports).where(inArray(weeklyReports.id, heads.map((h) => h.id)));
  let noted = 0;
  for (const report of stored) {
    const fresh = computeWeekFigures({ weekStart: report.figures.weekStart, ...history, correlation: report.figures.correlation });
    const note = lateDataNote(report.figures, fresh);
    if (note) noted++;
    // now(): the recompute's transaction start, not after the history it read.
    await db.update(weeklyReports).set({ lateNote: note, lateCheckedAt: sql`now()` }).where(eq(weeklyReports.id, report.id));
  }
  return noted;
}
