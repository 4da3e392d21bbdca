/**
 * Issue 8 benchmark: the dashboard's summary procedure over HTTP for a user with a year of data,
 * against a constant-returning protected procedure on the same server (both behind the session
 * check): closed loop at CONNECTIONS connections (throughput ratio, target ≥ 0.7), then open loop
 * at OPEN_LOOP_RATE req/s offered, evenly paced by `open-loop.ts` (latency percentiles, target p95 < 50 ms).
 * Alone: `npx tsx scripts/bench/dashboard-http.ts` (builds, seeds Postgres, serves, measures).
 */
import autocannon from "autocannon";
import { benchAppAlone, signInCookie, type BenchApp } from "./app-server";
import { fmt } from "./format";
import { openLoopLoad } from "./open-loop";
import { runAlone } from "./run";
import { percentile } from "./stats";

/** The tRPC path of the dashboard's one summary read (score, contributors, key metrics, recommendations). */
export const DASHBOARD_PROCEDURE = process.env.BENCH_DASHBOARD_PROCEDURE ?? "insights.dashboard";
export const BASELINE_PROCEDURE = "auth.ping";
export const RATIO_TARGET = 0.7;
export const P95_TARGET_MS = 50;

const CONNECTIONS = 32;
const WARMUP_SECONDS = 3;
const CLOSED_LOOP_SECONDS = 10;
/** Baseline and dashboard alternate, so load from other processes weighs on both. */
const ROUNDS = 2;
const OPEN_LOOP_RATE = 100;
const OPEN_LOOP_SECONDS = 15;

export interface ClosedLoop {
  requestsPerSecond: number;
  rounds: number[];
}

export interface OpenLoop {
  offered: number;
  achieved: number;
  p50: number;
  p95: number;
  p975: number;
  errors: number;
  /** The generator's worst lateness in sending a request (ms); large values would void the run. */
  maxSendDelay: number;
}

export interface DashboardHttpResult {
  database: string;
  dashboard: string;
  /** "ok", or why the dashboard procedure could not be measured. */
  status: string;
  baseline: { closed: ClosedLoop; open: OpenLoop };
  summary: { closed: ClosedLoop; open: OpenLoop } | null;
  ratio: number | null;
}

const urlOf = (baseUrl: string, procedure: string) => `${baseUrl}/api/trpc/${procedure}`;

interface Run {
  requestsPerSecond: number;
  latencies: number[];
  failures: number;
  seconds: number;
}

function cannon(url: string, cookie: string, options: { seconds: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let failures = 0;
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: options.seconds, headers: { cookie } },
      (error, result) => {
        if (error) return reject(error);
        failures += result.errors + result.timeouts;
        resolve({ requestsPerSecond: result.requests.average, latencies, failures, seconds: options.seconds });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else failures += 1;
    });
  });
}

async function closedLoop(url: string, cookie: string): Promise<Run> {
  const run = await cannon(url, cookie, { seconds: CLOSED_LOOP_SECONDS });
  if (run.failures > 0) throw new Error(`${url}: ${run.failures} failed requests at ${CONNECTIONS} connections`);
  return run;
}

async function openLoop(url: string, cookie: string): Promise<OpenLoop> {
  const run = await openLoopLoad(url, { rate: OPEN_LOOP_RATE, seconds: OPEN_LOOP_SECONDS, connections: CONNECTIONS, headers: { cookie } });
  return {
    offered: OPEN_LOOP_RATE,
    achieved: run.latencies.length / OPEN_LOOP_SECONDS,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p975: percentile(run.latencies, 97.5),
    errors: run.failures,
    maxSendDelay: run.maxSendDelay,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Why the dashboard procedure cannot be measured for this user, or null when it answers. */
async function unavailable(url: string, cookie: string): Promise<string | null> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.ok) return null;
  return `${DASHBOARD_PROCEDURE} answered ${response.status}${response.status === 404 ? " (not on this build)" : ""}`;
}

export async function benchDashboardHttp(app: BenchApp): Promise<DashboardHttpResult> {
  const cookie = await signInCookie(app.baseUrl, app.user.email, app.user.password);
  const baselineUrl = urlOf(app.baseUrl, BASELINE_PROCEDURE);
  const dashboardUrl = urlOf(app.baseUrl, DASHBOARD_PROCEDURE);
  const missing = await unavailable(dashboardUrl, cookie);
  for (const url of missing ? [baselineUrl] : [baselineUrl, dashboardUrl]) await cannon(url, cookie, { seconds: WARMUP_SECONDS });

  const baselineRounds: number[] = [];
  const dashboardRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baselineRounds.push((await closedLoop(baselineUrl, cookie)).requestsPerSecond);
    if (!missing) dashboardRounds.push((await closedLoop(dashboardUrl, cookie)).requestsPerSecond);
  }
  const baseline = { closed: { requestsPerSecond: mean(baselineRounds), rounds: baselineRounds }, open: await openLoop(baselineUrl, cookie) };
  const summary = missing ? null : { closed: { requestsPerSecond: mean(dashboardRounds), rounds: dashboardRounds }, open: await openLoop(dashboardUrl, cookie) };
  return {
    database: app.database,
    dashboard: DASHBOARD_PROCEDURE,
    status: missing ?? "ok",
    baseline,
    summary,
    ratio: summary ? summary.closed.requestsPerSecond / baseline.closed.requestsPerSecond : null,
  };
}

export function dashboardHttpRows(r: DashboardHttpResult): string {
  const row = (name: string, m: { closed: ClosedLoop; open: OpenLoop } | null, ratio: string) =>
    m
      ? `| \`${name}\` | ${fmt(m.closed.requestsPerSecond)} (${m.closed.rounds.map((x) => fmt(x)).join(", ")}) | ${ratio} | ${fmt(m.open.achieved)} | ${fmt(m.open.p50)} ms | **${fmt(m.open.p95)} ms** | ${fmt(m.open.p975)} ms | ${fmt(m.open.maxSendDelay)} ms | ${fmt(m.open.errors)} |`
      : `| \`${name}\` | ${r.status} | | | | | | | |`;
  return [
    `| procedure | req/s at ${CONNECTIONS} conn. (rounds) | ratio | req/s at ${OPEN_LOOP_RATE} offered | p50 | p95 | p97.5 | generator lateness | errors |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    row(BASELINE_PROCEDURE, r.baseline, "1"),
    row(r.dashboard, r.summary, r.ratio === null ? "" : `**${fmt(r.ratio, 2)}**`),
  ].join("\n");
}

runAlone(import.meta.url, () => benchAppAlone(benchDashboardHttp, dashboardHttpRows, `ratio ≥ ${RATIO_TARGET}, p95 < ${P95_TARGET_MS} ms`));
