import type { Database } from "@/db";
import { strongestSignificantCorrelation } from "../analytics/insights/correlations";
import { listConnections } from "../devices/connections";
import { hasUnprocessedDeliveries } from "../ingestion/pending";
import type { SummaryWeek } from "../timeseries/summaries";
import { computeWeekFigures, type FigureInputs } from "./figures";
import { saveReport, type ReportHead } from "./store";
import { isCompleteWeek } from "./week";

/** How many past weeks of the demo wearable's simulated history get a report. */
export const DEMO_REPORT_WEEKS = 26;

/**
 * The demo wearable delivers months of simulated history at once; its account should look like a
 * user who has been here all along, so once that history is in (the backfill finished and every
 * delivery ingested) its past weeks get their reports. Anyone else makes a past week's report on
 * the reports page.
 */
export async function demoHistoryIsIn(db: Database, userId: string): Promise<boolean> {
  const demo = (await listConnections(db, userId)).find((c) => c.provider === "demo" && c.status === "active");
  return Boolean(demo?.backfill?.done) && !(await hasUnprocessedDeliveries(db, userId));
}

/** Makes the missing reports of the complete weeks with data among the last DEMO_REPORT_WEEKS, from the recompute's history. */
export async function catchUpDemoReports(
  db: Database,
  userId: string,
  today: string,
  known: { heads: readonly ReportHead[]; weeks: readonly SummaryWeek[] },
  history: Pick<FigureInputs, "summaries" | "scores">,
): Promise<number> {
  const have = new Set(known.heads.map((h) => h.weekStart));
  const missing = known.weeks
    .filter((w) => isCompleteWeek(w.weekStart, today) && !have.has(w.weekStart))
    .slice(0, DEMO_REPORT_WEEKS);
  if (missing.length === 0) return 0;
  const correlation = await strongestSignificantCorrelation(db, userId);
  for (const { weekStart } of missing) await saveReport(db, userId, computeWeekFigures({ weekStart, ...history, correlation }), { checkedNow: true });
  return missing.length;
}
