import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db";
import { withTestDb } from "@/db/testing";
import { startJobRunner, stopJobRunner } from "../jobs/runner";
import { checkReadiness } from "./readiness";

const testDb = withTestDb({ inProcessJobs: true });
afterAll(async () => {
  await stopJobRunner();
});

describe("readiness", () => {
  it("is ready with a reachable, migrated database and a running job runner", async () => {
    startJobRunner({ db: testDb.db, pollMs: 1_000 });
    const report = await checkReadiness({ getHandle: async () => testDb.handle });
    expect(report.checks.database).toMatchObject({ ok: true });
    expect(report.checks.migrations).toMatchObject({ ok: true, applied: 1, expected: 1 });
    expect(report.checks.jobs).toMatchObject({ ok: true, backend: "local", runner: "started", overdue: 0 });
    expect(report.status).toBe("ready");
    await stopJobRunner();
  });

  it("is not ready when the local job runner is not running", async () => {
    const report = await checkReadiness({ getHandle: async () => testDb.handle });
    expect(report.status).toBe("not_ready");
    expect(report.checks.jobs).toMatchObject({ ok: false, runner: "stopped" });
  });

  it("answers not ready quickly when Postgres refuses connections", async () => {
    const started = Date.now();
    const report = await checkReadiness({
      getHandle: async () => {
        const dead = await openDatabase("postgres://postgres@127.0.0.1:1/x");
        await dead.migrate();
        return dead;
      },
    });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(report.status).toBe("not_ready");
    expect(report.checks.database.ok).toBe(false);
    expect(report.checks.database.error).toMatch(/ECONNREFUSED|connect/i);
    expect(report.checks.migrations).toMatchObject({ ok: false, expected: 1 });
    expect(report.checks.jobs.ok).toBe(false);
  });

  it("does not hang when the database never answers", async () => {
    const started = Date.now();
    const report = await checkReadiness({ getHandle: () => new Promise<DbHandle>(() => {}), timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe("not_ready");
    expect(report.checks.database.error).toContain("timed out");
  });
});
