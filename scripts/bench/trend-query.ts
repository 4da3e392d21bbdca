/**
 * Issue 8 benchmark: a year of minute heart rate bucketed by day through the trends read function,
 * median of RUNS, beside the fastest honest way to get a year of days: a SELECT of the precomputed
 * daily summary rows. Alone: `npx tsx scripts/bench/trend-query.ts`.
 */
import { fileURLToPath } from "node:url";
import { and, asc, between, eq } from "drizzle-orm";
import { dailySummaries } from "@/db/schema";
import { addDays, zoneOffsetMinutes } from "@/server/health/local-date";
import { querySeries } from "@/server/health/timeseries/read";
import { installJobs } from "@/server/platform/jobs/install";
import { pgliteBenchDb, postgresBenchDb, type BenchDb } from "./bench-db";
import { TIME_ZONE } from "./ingest-year";
import { median } from "./stats";
import { seedYearUser, yearPayloads, type YearUser } from "./year-user";

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
  const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    "| database | day buckets | trend query | runs | daily rows SELECT | rows |",
    "|---|---:|---:|---|---:|---:|",
    ...results.map(
      (r) => `| ${r.database} | ${fmt(r.buckets)} | **${fmt(r.trendMs, 1)} ms** | ${r.trendRuns.map((ms) => fmt(ms)).join(", ")} | ${fmt(r.baselineMs, 1)} ms | ${fmt(r.baselineRows)} |`,
    ),
  ].join("\n");
}

async function main() {
  installJobs();
  const payloads = yearPayloads();
  const results: TrendBenchResult[] = [];
  for (const open of [postgresBenchDb, pgliteBenchDb]) {
    const target = await open();
    if (!target) {
      console.log("Postgres not reachable: skipped");
      continue;
    }
    try {
      const user = await seedYearUser(target.handle.db, payloads, "bench-trend@example.com");
      const result = await benchTrend(target, user);
      console.log(result);
      results.push(result);
    } finally {
      await target.dispose();
    }
  }
  console.log(`\n${trendRows(results)}\n(target < ${TREND_TARGET_MS} ms)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
