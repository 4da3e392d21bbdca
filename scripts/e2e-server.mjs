// The app server Playwright tests talk to: a production build on a fresh database, with short
// auth windows so lockout recovery can be observed. Postgres when TEST_DATABASE_URL is set.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { freshDatabase } from "./fresh-database.mjs";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = `.data/e2e-${port}`;
rmSync(dataDir, { recursive: true, force: true });

let databaseUrl = `pglite://${dataDir}/pglite`;
if (process.env.TEST_DATABASE_URL) databaseUrl = await freshDatabase(process.env.TEST_DATABASE_URL, `biosync_e2e_${port}`);

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  AUTH_LOGIN_WINDOW_SECONDS: "6",
  JOBS_POLL_MS: "100",
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  // e2e/push.spec.ts subscribes with an endpoint on its local fake push service (http://127.0.0.1).
  PUSH_ALLOW_LOOPBACK_ENDPOINTS: "1",
};
delete env.RESEND_API_KEY;
delete env.INNGEST_EVENT_KEY;
delete env.INNGEST_DEV;

const server = spawn("node", ["scripts/serve.mjs", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
