/**
 * Issue 10 benchmark: the dashboard summary read over the REST face (`GET /api/v1/summary`, a
 * personal API token) against the same procedure over tRPC (`GET /api/trpc/insights.dashboard`, a
 * session cookie), same user, same data, same server: closed loop at CONNECTIONS connections,
 * alternating for ROUNDS rounds. Ratio = REST req/s ÷ tRPC req/s, target ≥ 0.8.
 * Alone: `npx tsx scripts/bench/rest-vs-trpc.ts` (builds, seeds Postgres, serves, measures).
 */
import autocannon from "autocannon";
import { benchAppAlone, signInCookie, startBenchApp, type BenchApp } from "./app-server";
import { fmt } from "./format";
import { runAlone } from "./run";

export const REST_RATIO_TARGET = 0.8;
const CONNECTIONS = 32;
const WARMUP_SECONDS = 3;
const SECONDS = 10;
const ROUNDS = 3;

// The closed loop calls far past the per-user REST limit (300 a minute): the served app counts
// every call as usual (that cost is measured) but with a limit no run reaches.
process.env.REST_RATE_LIMIT ??= String(1e9);

export interface RestVsTrpcResult {
  database: string;
  trpc: { requestsPerSecond: number; rounds: number[] };
  rest: { requestsPerSecond: number; rounds: number[] };
  ratio: number;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** Requests per second at CONNECTIONS connections for `seconds`; any answer but 2xx fails the run. */
function throughput(target: Target, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let failures = 0;
    const instance = autocannon({ url: target.url, connections: CONNECTIONS, duration: seconds, headers: target.headers }, (error, result) => {
      if (error) return reject(error);
      failures += result.errors + result.timeouts;
      if (failures > 0) return reject(new Error(`${target.url}: ${failures} failed requests at ${CONNECTIONS} connections`));
      resolve(result.requests.average);
    });
    instance.on("response", (_client, statusCode) => {
      if (statusCode < 200 || statusCode >= 300) failures += 1;
    });
  });
}

/** A read-scoped personal API token, created through the app's own tRPC mutation with the session. */
async function createToken(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/trpc/apiTokens.create`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: { name: "bench", scope: "read" } }),
  });
  if (!response.ok) throw new Error(`apiTokens.create refused: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: { json: { secret: string } } } };
  return body.result.data.json.secret;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function benchRestVsTrpc(app: BenchApp): Promise<RestVsTrpcResult> {
  const cookie = await signInCookie(app.baseUrl, app.user.email, app.user.password);
  const token = await createToken(app.baseUrl, cookie);
  const trpc: Target = { url: `${app.baseUrl}/api/trpc/insights.dashboard`, headers: { cookie } };
  const rest: Target = { url: `${app.baseUrl}/api/v1/summary`, headers: { authorization: `Bearer ${token}` } };
  for (const target of [trpc, rest]) {
    const probe = await fetch(target.url, { headers: target.headers });
    if (!probe.ok) throw new Error(`${target.url} answered ${probe.status}: ${await probe.text()}`);
    await throughput(target, WARMUP_SECONDS);
  }
  const trpcRounds: number[] = [];
  const restRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    trpcRounds.push(await throughput(trpc, SECONDS));
    restRounds.push(await throughput(rest, SECONDS));
  }
  return {
    database: app.database,
    trpc: { requestsPerSecond: mean(trpcRounds), rounds: trpcRounds },
    rest: { requestsPerSecond: mean(restRounds), rounds: restRounds },
    ratio: mean(restRounds) / mean(trpcRounds),
  };
}

export function restVsTrpcRows(r: RestVsTrpcResult): string {
  const rounds = (xs: number[]) => xs.map((x) => fmt(x)).join(", ");
  return [
    `| read | req/s at ${CONNECTIONS} conn. (rounds) | ratio |`,
    "|---|---:|---:|",
    `| \`GET /api/trpc/insights.dashboard\` (session) | ${fmt(r.trpc.requestsPerSecond)} (${rounds(r.trpc.rounds)}) | 1 |`,
    `| \`GET /api/v1/summary\` (API token) | ${fmt(r.rest.requestsPerSecond)} (${rounds(r.rest.rounds)}) | **${fmt(r.ratio, 2)}** |`,
  ].join("\n");
}

/** The suite's run: serves the app (already built by an earlier benchmark of the run), measures, stops. */
export async function runRestVsTrpc(): Promise<RestVsTrpcResult | string> {
  const skip = process.env.BENCH_SKIP_BUILD;
  process.env.BENCH_SKIP_BUILD = "1";
  try {
    const app = await startBenchApp();
    try {
      return await benchRestVsTrpc(app);
    } finally {
      await app.stop();
    }
  } catch (error) {
    return `not measured: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (skip === undefined) delete process.env.BENCH_SKIP_BUILD;
    else process.env.BENCH_SKIP_BUILD = skip;
  }
}

export function restVsTrpcSection(r: RestVsTrpcResult | string): string {
  return `## REST API against tRPC: the same summary read (issue 10)

The production build served by \`scripts/serve.mjs\` on Postgres, one user with a year of data and
its insights recomputed. The dashboard summary (\`insights.dashboard\`) read through tRPC with the
session cookie and through the REST face (\`GET /api/v1/summary\`, trpc-to-openapi over the same
procedure, a read-scoped personal API token looked up by its SHA-256), autocannon closed loop at
${CONNECTIONS} connections, ${SECONDS} s per round, the two alternating for ${ROUNDS} rounds. **Ratio** = REST ÷ tRPC
req/s (target ≥ ${REST_RATIO_TARGET}).

${typeof r === "string" ? r : restVsTrpcRows(r)}`;
}

runAlone(import.meta.url, () => benchAppAlone(benchRestVsTrpc, restVsTrpcRows, `ratio ≥ ${REST_RATIO_TARGET}`));
