/**
 * The issue 8 benchmarks as one part of `npm run bench`: recompute and trend query on Postgres and
 * PGlite (one year user each), then the HTTP and page benchmarks against one production server.
 * A part that fails is reported in its place in BENCHMARKS.md instead of stopping the others.
 */
import { startBenchApp } from "./app-server";
import { BASELINE_PROCEDURE, benchDashboardHttp, dashboardHttpRows, P95_TARGET_MS, RATIO_TARGET, type DashboardHttpResult } from "./dashboard-http";
import { benchDashboardPage, dashboardPageRows, JS_TARGET_KB, LCP_TARGET_MS, type DashboardPageResult } from "./dashboard-page";
import { benchRecompute, RECOMPUTE_TARGET_SECONDS, recomputeRows, type RecomputeBenchResult } from "./insights-recompute";
import { onEachYearDb } from "./run";
import { benchTrend, TREND_TARGET_MS, trendRows, type TrendBenchResult } from "./trend-query";

export interface InsightsSuiteResult {
  recompute: RecomputeBenchResult[];
  trend: TrendBenchResult[];
  http: DashboardHttpResult | string;
  page: DashboardPageResult | string;
}

const failure = (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`;

export async function runInsightsSuite(): Promise<InsightsSuiteResult> {
  const measured = await onEachYearDb("bench-insights@example.com", async (target, user) => ({ recompute: await benchRecompute(target, user), trend: await benchTrend(target, user) }));
  const recompute = measured.map((m) => m.recompute);
  const trend = measured.map((m) => m.trend);
  let http: DashboardHttpResult | string = "not run";
  let page: DashboardPageResult | string = "not run";
  try {
    const app = await startBenchApp();
    try {
      http = await benchDashboardHttp(app).catch(failure);
      console.log(http);
      page = await benchDashboardPage(app).catch(failure);
      console.log(page);
    } finally {
      await app.stop();
    }
  } catch (error) {
    http = page = failure(error);
  }
  return { recompute, trend, http, page };
}

export function insightsSection(r: InsightsSuiteResult): string {
  return `## Insights, trends and the dashboard (issue 8)

One user with a calendar year of the demo wearable up to yesterday (minute heart rate while awake,
nightly sleep, HRV, breathing, SpO2, daily totals), stored through the real pipeline and rolled up
(\`scripts/bench/year-user.ts\`), signed up and onboarded, time zone Europe/Berlin.

**Recompute** = \`recomputeInsights\` (\`server/health/analytics/recompute.ts\`): profile and every daily
summary loaded once, then each stage of \`INSIGHT_STAGES\` in order, in one transaction; median of 3
runs (each run listed), median time of each stage (target < ${RECOMPUTE_TARGET_SECONDS} s).

${recomputeRows(r.recompute)}

**Trend query** = \`querySeries\` of the year's heart rate bucketed by local day (avg, min, max, sum per
bucket from the chunk summaries), median of 7 (target < ${TREND_TARGET_MS} ms), beside the fastest honest way
to get a year of days: a \`SELECT\` of the user's precomputed \`daily_summaries\` rows for the same year.

${trendRows(r.trend)}

**Dashboard over HTTP**: the production build served by \`scripts/serve.mjs\` (\`next start\`) on
Postgres; the session cookie comes from the real sign-in route. autocannon at 32 connections, 10 s
per round, \`${BASELINE_PROCEDURE}\` (a constant behind the same session check) and the dashboard procedure
alternating for 2 rounds (req/s is the mean; **ratio** = dashboard ÷ baseline, target ≥ ${RATIO_TARGET}), then an
open-loop run of 15 s at 100 req/s offered: one request due every 10 ms whatever the answers do, over a
keep-alive pool of 32 sockets (\`scripts/bench/open-loop.ts\`), each time measured from when the request
was due, so queueing in the generator counts too; percentiles of every 2xx response (target p95 <
${P95_TARGET_MS} ms); **generator lateness** = the largest delay in sending a request. Not autocannon's
\`overallRate\`: it releases each connection's quota at the start of every second, so 100 req/s arrives as
one burst of 100 a second and the percentiles measure the queue behind the burst (an earlier run
showed p50 99 ms for the constant procedure that way). The load generator runs on the same 2 cores as the server.

${typeof r.http === "string" ? r.http : dashboardHttpRows(r.http)}

**Dashboard page**: Debian's Chromium, headless, signed in through the sign-in page, then \`/dashboard\`
loaded cold 5 times (a fresh browser context each, cache disabled, after one warm-up load):
**first-load JS** = the sum of CDP \`encodedDataLength\` (bytes on the wire, headers included) of every
Script response until the network is idle (target ≤ ${JS_TARGET_KB} kB), split by who asked for it: the page's
HTML, or code that ran (a dynamic import: the sync runtime, with IndexedDB and the mutations' schemas,
loads after hydration); the service worker blocked (controlling the page, it has the page fetch the
on-demand code for offline use, later); **LCP** = the last \`largest-contentful-paint\` entry
(target < ${LCP_TARGET_MS} ms); medians.

${typeof r.page === "string" ? r.page : dashboardPageRows(r.page)}
`;
}
