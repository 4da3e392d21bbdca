/**
 * The production app for the HTTP and page benchmarks: built once, served by scripts/serve.mjs
 * (`next start` with the real peer address) on a fresh Postgres database that holds one signed-up
 * user with a year of data and its insights recomputed. BENCH_SKIP_BUILD=1 reuses `.next`;
 * BENCH_NEXT_BUILD_FLAGS passes flags to `next build` (e.g. `--webpack` in a git worktree).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { recomputeInsights } from "@/server/health/analytics/recompute";
import { installJobs } from "@/server/platform/jobs/install";
import { postgresBenchDb, type BenchDb } from "./bench-db";
import { seedYearUser, yearPayloads, type YearUser } from "./year-user";

export const BENCH_APP_PORT = 3190;
const READY_TIMEOUT_MS = 120_000;

export interface BenchApp {
  baseUrl: string;
  database: string;
  user: YearUser;
  stop(): Promise<void>;
}

export function buildApp(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  const flags = (process.env.BENCH_NEXT_BUILD_FLAGS ?? "").split(" ").filter(Boolean);
  const built = spawnSync("npx", ["next", "build", ...flags], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (built.status !== 0) throw new Error(`next build failed (${built.status ?? built.signal})`);
}

async function waitUntilReady(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app server at ${baseUrl} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Builds (unless told not to), seeds and serves the app; `stop()` ends the server and drops its database. */
export async function startBenchApp(port = BENCH_APP_PORT): Promise<BenchApp> {
  buildApp();
  installJobs();
  const target: BenchDb | null = await postgresBenchDb("_app");
  if (!target?.url) throw new Error("the HTTP and page benchmarks need Postgres (BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  let server: ChildProcess | undefined;
  const dataDir = `.data/bench-${port}`;
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await target.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const user = await seedYearUser(target.handle.db, yearPayloads(), "bench-dashboard@example.com");
    await recomputeInsights(target.handle.db, user.userId);
    const baseUrl = `http://localhost:${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: target.url,
      LOG_LEVEL: "warn",
    };
    for (const name of ["RESEND_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV", "NODE_OPTIONS"]) delete env[name];
    server = spawn(process.execPath, ["scripts/serve.mjs", String(port)], { stdio: ["ignore", "inherit", "inherit"], env });
    await waitUntilReady(baseUrl, server);
    return { baseUrl, database: target.label, user, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in through the app's own sign-in route; returns the Cookie header of the session. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password, callbackUrl: "/dashboard" }),
  });
  if (!response.ok) throw new Error(`sign-in refused: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0]!)
    .join("; ");
  const ping = await fetch(`${baseUrl}/api/trpc/auth.ping`, { headers: { cookie } });
  if (!ping.ok) throw new Error(`the session from sign-in was not accepted: ${ping.status} ${await ping.text()}`);
  return cookie;
}

/** A benchmark run alone: serves the app, measures it with `bench`, prints the result and its table (with the targets), stops. */
export async function benchAppAlone<T>(bench: (app: BenchApp) => Promise<T>, table: (result: T) => string, targets: string): Promise<void> {
  const app = await startBenchApp();
  try {
    const result = await bench(app);
    console.log(JSON.stringify(result, null, 2));
    console.log(`\n${table(result)}\n(targets: ${targets})`);
  } finally {
    await app.stop();
  }
}
