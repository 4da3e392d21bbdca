/**
 * Issue 8 benchmark: recomputing one user's insights (scores, baselines, risks, correlations,
 * forecasts, recommendations) from a year of daily summaries, median of RUNS, per stage.
 * Alone: `npx tsx scripts/bench/insights-recompute.ts` (Postgres, if reachable, and PGlite).
 */
import { recomputeInsights, type RecomputeResult } from "@/server/health/analytics/recompute";
import { installJobs } from "@/server/platform/jobs/install";
import type { BenchDb } from "./bench-db";
import { fmt } from "./format";
import { onEachYearDb, runAlone } from "./run";
import { median } from "./stats";
import type { YearUser } from "./year-user";

const RUNS = 3;
export const RECOMPUTE_TARGET_SECONDS = 5;

export interface RecomputeBenchResult {
  database: string;
  days: number;
  /** Each run's total, seconds. */
  runs: number[];
  seconds: number;
  loadMs: number;
  /** Median milliseconds per stage, in the order they ran. */
  stages: { name: string; ms: number }[];
}

export async function benchRecompute(target: BenchDb, user: YearUser): Promise<RecomputeBenchResult> {
  const results: RecomputeResult[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await recomputeInsights(target.handle.db, user.userId));
  const names = results[0]!.stages.map((s) => s.name);
  return {
    database: target.label,
    days: results[0]!.days,
    runs: results.map((r) => r.totalMs / 1000),
    seconds: median(results.map((r) => r.totalMs)) / 1000,
    loadMs: median(results.map((r) => r.loadMs)),
    stages: names.map((name, i) => ({ name, ms: median(results.map((r) => r.stages[i]!.ms)) })),
  };
}

export function recomputeRows(results: RecomputeBenchResult[]): string {
  const stageNames = [...new Set(results.flatMap((r) => r.stages.map((s) => s.name)))];
  const cells = (values: string[]) => `| ${values.join(" | ")} |`;
  const header = cells(["database", "days", "recompute", "runs", "load", ...stageNames]);
  const align = cells(["---", "---:", "---:", "---", "---:", ...stageNames.map(() => "---:")]);
  const rows = results.map((r) =>
    cells([
      r.database,
      fmt(r.days),
      `**${fmt(r.seconds, 2)} s**`,
      r.runs.map((s) => fmt(s, 2)).join(", "),
      `${fmt(r.loadMs)} ms`,
      ...stageNames.map((name) => `${fmt(r.stages.find((s) => s.name === name)?.ms ?? 0)} ms`),
    ]),
  );
  return [header, align, ...rows].join("\n");
}

runAlone(import.meta.url, async () => {
  installJobs();
  const results = await onEachYearDb("bench-insights@example.com", benchRecompute);
  console.log(`\n${recomputeRows(results)}\n(target < ${RECOMPUTE_TARGET_SECONDS} s)`);
});
