/**
 * Issue 8 benchmark: a year of minute heart rate bucketed by day through the trends read function,
 * median of RUNS, beside the fastest honest way to get a year of days: a SELECT of the precomputed
 * daily summary rows. Alone: `npx tsx scripts/bench/trend-query.ts`.
 */
import { and, asc, between, eq } from "drizzle-orm";
import { dailySummaries } from "@/db/schema";
import { addDays, zoneOffsetMinutes } from "@/server/health/local-date";
import { querySeries } from "@/server/health/timeseries/read";
import { installJobs } from "@/server/platform/jobs/install";
import type { BenchDb } from "./bench-db";
import { fmt } from "./format";
import { TIME_ZONE } from "./ingest-year";
import { onEachYearDb, runAlone } from "./run";
import { median } from "./stats";
import type { YearUser } from "./year-user";

const RUNS = 7;
export const TREND_TARGET_MS = 100;

export interface TrendBenchResult {
  database: string;
  buckets: number;
  /** Median ms of the trend query. */
  trendMs: number;
  trendRuns: number[];
  baselineRows: number;
  baselineMs: number;
}

function localMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - zoneOffsetMinutes(new Date(utcMidnight), TIME_ZONE) * 60_000);
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; runs: number[]; count: number }> {
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    count = await run();
    runs.push(performance.now() - started);
  }
  return { ms: median(runs), runs, count };
}

export async function benchTrend(target: BenchDb, user: YearUser): Promise<TrendBenchResult> {
  const db = target.handle.db;
  // The user's local days of the year: from local midnight of the first to local midnight after the last.
  const from = localMidnight(user.from);
  const to = localMidnight(addDays(user.to, 1));
  const trend = await timed(async () => (await querySeries(db, { userId: user.userId, metric: "heart_rate", from, to, bucket: "day", timeZone: TIME_ZONE })).length);
  const baseline = await timed(
    async () =>
      (
        await db
          .select({ localDate: dailySummaries.localDate, values: dailySummaries.values })
          .from(dailySummaries)
          .where(and(eq(dailySummaries.userId, user.userId), between(dailySummaries.localDate, user.from, user.to)))
          .orderBy(asc(dailySummaries.localDate))
      ).length,
  );
  return { database: target.label, buckets: trend.count, trendMs: trend.ms, trendRuns: trend.runs, baselineRows: baseline.count, baselineMs: baseline.ms };
}

export function trendRows(results: TrendBenchResult[]): string {
  return [
    "| database | day buckets | trend query | runs | daily rows SELECT | rows |",
    "|---|---:|---:|---|---:|---:|",
    ...results.map(
      (r) => `| ${r.database} | ${fmt(r.buckets)} | **${fmt(r.trendMs, 1)} ms** | ${r.trendRuns.map((ms) => fmt(ms)).join(", ")} | ${fmt(r.baselineMs, 1)} ms | ${fmt(r.baselineRows)} |`,
    ),
  ].join("\n");
}

runAlone(import.meta.url, async () => {
  installJobs();
  const results = await onEachYearDb("bench-trend@example.com", benchTrend);
  console.log(`\n${trendRows(results)}\n(target < ${TREND_TARGET_MS} ms)`);
});
