import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobEvents, jobRuns } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import type { RecomputeReason } from "@/server/health/analytics/recompute-request";
import { emit } from "./emit";
import { drainJobs } from "./runner";
import { claimNextRun } from "./store";
import { inngestTimeStr } from "@/inngest/define";
import { DEBOUNCE_TEST_PERIOD_MS, debouncedFunction, installTestJobFunctions, probe } from "./testing";

installTestJobFunctions();

const testDb = withTestDb({ inProcessJobs: true });

const request = (userId: string, reason: RecomputeReason) => emit(testDb.db, "analytics/recompute.requested", { userId, reason });

/** The debounced function's runs for `userId`, oldest event first, with their event's time and reason. */
async function runsOf(userId: string) {
  return testDb.db
    .select({
      status: jobRuns.status,
      runAfter: jobRuns.runAfter,
      startedAt: jobRuns.startedAt,
      eventAt: jobEvents.createdAt,
      reason: sql<string>`${jobEvents.data} ->> 'reason'`,
    })
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(sql`${jobRuns.functionId} = 'test-debounced' and ${jobEvents.data} ->> 'userId' = ${userId}`)
    .orderBy(asc(jobEvents.createdAt));
}

describe("debounced functions on the in-process runner", () => {
  it("turns a burst of five events into one run of the last event", async () => {
    const userId = randomUUID();
    const reasons: RecomputeReason[] = ["ingestion", "ingestion", "import", "priority", "manual"];
    for (const reason of reasons) await request(userId, reason);
    // Every event is kept; only the last one's run is.
    const events = await testDb.db.select({ id: jobEvents.id }).from(jobEvents).where(sql`${jobEvents.data} ->> 'userId' = ${userId}`);
    expect(events).toHaveLength(5);
    expect((await runsOf(userId)).map((r) => [r.status, r.reason])).toEqual([["queued", "manual"]]);

    const drained = await drainJobs(testDb.db, { timeoutMs: 10_000 });
    expect(drained.pending).toBe(false);
    expect(probe.of(userId)).toEqual(["manual"]);
    expect((await runsOf(userId)).map((r) => r.status)).toEqual(["completed"]);
  });

  it("leaves one queued run of a burst sent all at once", async () => {
    const userId = randomUUID();
    await Promise.all(Array.from({ length: 5 }, () => request(userId, "ingestion")));
    expect((await runsOf(userId)).map((r) => r.status)).toEqual(["queued"]);
    await drainJobs(testDb.db, { timeoutMs: 10_000 });
    expect(probe.of(userId)).toEqual(["ingestion"]);
  });

  it("waits the period after the last event, which restarts it", async () => {
    const userId = randomUUID();
    await request(userId, "ingestion");
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_TEST_PERIOD_MS / 2));
    await request(userId, "import");
    const drained = await drainJobs(testDb.db, { timeoutMs: 10_000, debounce: "wait" });
    expect(drained.outcomes.completed).toBeGreaterThanOrEqual(1);
    const runs = await runsOf(userId);
    expect(runs.map((r) => [r.status, r.reason])).toEqual([["completed", "import"]]);
    const last = runs[0]!;
    // Queued for the full period after the second event (database clock on both sides).
    expect(last!.runAfter.getTime() - last!.eventAt.getTime()).toBeGreaterThanOrEqual(DEBOUNCE_TEST_PERIOD_MS - 1);
    expect(last!.startedAt!.getTime()).toBeGreaterThanOrEqual(last!.runAfter.getTime());
    expect(probe.of(userId)).toEqual(["import"]);
  });

  it("keeps other keys apart, and never cancels a run that has started", async () => {
    const a = randomUUID();
    const b = randomUUID();
    await request(a, "ingestion");
    await request(b, "ingestion");
    await drainJobs(testDb.db, { timeoutMs: 10_000 }).then(() => undefined);
    expect(probe.of(a)).toEqual(["ingestion"]);
    expect(probe.of(b)).toEqual(["ingestion"]);

    // A run of `a` that a worker has claimed (started) stays; the next event queues a run of its own.
    await request(a, "import");
    await testDb.db.update(jobRuns).set({ runAfter: sql`now()` }).where(eq(jobRuns.status, "queued"));
    const claimed = await claimNextRun(testDb.db, "busy-worker", 60_000, ["test-debounced"]);
    expect(claimed?.event.data).toMatchObject({ userId: a, reason: "import" });
    await request(a, "manual");
    expect((await runsOf(a)).map((r) => r.status)).toEqual(["completed", "running", "queued"]);
  });
});

describe("debounce on Inngest", () => {
  it("is passed to createFunction with the key and a period Inngest accepts", () => {
    expect((debouncedFunction.inngest as unknown as { opts: { debounce?: unknown } }).opts.debounce).toEqual({ key: "event.data.userId", period: "1s" });
    // Inngest counts whole seconds, at least one.
    expect([inngestTimeStr(300), inngestTimeStr(10_000), inngestTimeStr(10_001), inngestTimeStr("2m")]).toEqual(["1s", "10s", "11s", "2m"]);
  });
});
