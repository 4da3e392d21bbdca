import { spawn, type ChildProcess } from "node:child_process";
import { DEMO, expect, signIn, test } from "./support";

test("/api/healthz answers while the app is up", async ({ request }) => {
  const res = await request.get("/api/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok" });
});

test("/api/readyz is ready with the database, jobs and migrations in place", async ({ request }) => {
  const res = await request.get("/api/readyz");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ready");
  expect(body.checks.database.ok).toBe(true);
  expect(body.checks.migrations.ok).toBe(true);
  expect(body.checks.jobs.ok).toBe(true);
});

test("security headers are set on pages", async ({ request }) => {
  const res = await request.get("/");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'(;|$)/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-request-id"]).toMatch(/^[\w-]{8,64}$/);
});

test("pages run under the nonce-only script policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/no-such-page"]) {
    const response = await page.goto(path);
    nonces.add(response?.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1] ?? "");
  }
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/trends");
  // The scripts ran: the charts, rendered only in the browser, are on the page.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(nonces.size).toBe(3);
  expect(violations).toEqual([]);
});

test.describe("with the database unreachable", () => {
  const port = 3190;
  let server: ChildProcess;

  test.beforeAll(async () => {
    server = spawn("npx", ["next", "start", "-p", String(port)], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgres://biosync@127.0.0.1:1/nowhere", DATA_DIR: ".data/e2e-dead-db", LOG_LEVEL: "silent" },
      stdio: "ignore",
      detached: true,
    });
    await expect(async () => {
      const res = await fetch(`http://localhost:${port}/api/healthz`);
      expect(res.status).toBe(200);
    }).toPass({ timeout: 60_000 });
  });

  test.afterAll(() => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("/api/readyz reports not ready, and healthz stays up", async () => {
    const started = Date.now();
    const res = await fetch(`http://localhost:${port}/api/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe("not_ready");
    expect(body.checks.database.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(`http://localhost:${port}/api/healthz`)).status).toBe(200);
  });
});
