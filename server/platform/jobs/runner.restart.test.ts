import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi, inject } from "vitest";
import { openDatabase, type DbHandle } from "@/db";
import { jobRuns } from "@/db/schema";
import { adminQuery } from "@/db/testing";
import { emit } from "./emit";
import { drainJobs, JobRunner } from "./runner";
import { probe, installTestJobFunctions } from "./testing";

installTestJobFunctions();

/** A database that outlives its handle: a PGlite directory, or a Postgres database of its own. */
let url: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  vi.stubEnv("INNGEST_EVENT_KEY", "");
  vi.stubEnv("INNGEST_DEV", "");
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `biosync_restart_${randomBytes(6).toString("hex")}`;
    await adminQuery(server, `create database ${name} template ${inject("templateDb")}`);
    const target = new URL(server);
    target.pathname = `/${name}`;
    url = target.toString();
    cleanup = () => adminQuery(server, `drop database if exists ${name} with (force)`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "biosync-jobs-"));
    url = `pglite://${dir}/db`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

afterAll(async () => {
  await cleanup();
  vi.unstubAllEnvs();
});

async function open(): Promise<DbHandle> {
  const handle = await openDatabase(url);
  await handle.migrate();
  return handle;
}

it("runs an event accepted before a restart exactly once after it", async () => {
  const userId = randomUUID();

  // First process: its runner is stopped when the event arrives, then the process goes away.
  const first = await open();
  const stoppedRunner = new JobRunner({ db: first.db });
  await emit(first.db, "auth/verification-email.requested", { userId }, { id: `restart-${userId}` });
  await stoppedRunner.stop();
  await first.close();
  expect(probe.of(userId)).toEqual([]);

  // Second process on the same database.
  const second = await open();
  try {
    const result = await drainJobs(second.db, { timeoutMs: 10_000 });
    expect(result.outcomes.completed).toBe(1);
    expect(probe.of(userId)).toEqual(["handler@0", "first", "second"]);
    const runs = await second.db.select().from(jobRuns);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", attempt: 0 });

    // The same event re-sent after the restart (a client retry) starts nothing new.
    await emit(second.db, "auth/verification-email.requested", { userId }, { id: `restart-${userId}` });
    await drainJobs(second.db, { timeoutMs: 10_000 });
    expect(probe.of(userId).filter((c) => c === "first")).toHaveLength(1);
    expect(await second.db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.status, "completed"))).toHaveLength(1);
  } finally {
    await second.close();
  }
}, 60_000);
