// CI's check of what a container runs: the standalone build (`next build` made it; the e2e step builds)
// completed by scripts/standalone.mjs, started from .next/standalone on a fresh database — a Postgres
// server when TEST_DATABASE_URL is set, else the embedded one — must answer /api/readyz "ready", serve a
// page and its static assets, and stop on SIGTERM.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDatabase } from "./fresh-database.mjs";

const port = Number(process.env.STANDALONE_PORT ?? 3190);
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "biosync-standalone-"));

function fail(message) {
  console.error(`standalone: ${message}`);
  process.exitCode = 1;
}

async function waitForReady(server, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const answer = await fetch(`${base}/api/readyz`).catch(() => null);
    if (answer?.status === 200) return answer.json();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("no ready answer from /api/readyz within 90 s");
}

if (spawnSync("node", ["scripts/standalone.mjs"], { stdio: "inherit" }).status !== 0) process.exit(1);
const databaseUrl = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL, "biosync_standalone") : undefined;
const env = { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: base, DATA_DIR: dataDir, LOG_LEVEL: "error" };
for (const name of ["RESEND_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV", "NODE_OPTIONS", "DATABASE_URL"]) delete env[name];
if (databaseUrl) env.DATABASE_URL = databaseUrl;
// Run from elsewhere, as a container does: nothing may be read from the checkout.
const server = spawn("node", [path.resolve(".next/standalone/server.mjs")], { cwd: tmpdir(), env, stdio: ["ignore", "inherit", "inherit"] });
try {
  const ready = await waitForReady(server, Date.now() + 90_000);
  console.log(`standalone on ${databaseUrl ? "Postgres" : "embedded PGlite"}: readyz ${JSON.stringify(ready)}`);
  if (ready.status !== "ready") fail(`readyz says ${ready.status}`);
  const page = await fetch(`${base}/sign-in`);
  const html = await page.text();
  if (page.status !== 200) fail(`/sign-in answered ${page.status}`);
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  const script = asset ? await fetch(`${base}${asset}`) : null;
  if (script?.status !== 200) fail(`a static script of the page (${asset}) answered ${script?.status}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", resolve)));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(process.exitCode ? "standalone: FAILED" : "standalone: ok");
