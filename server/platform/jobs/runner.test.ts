import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { setDbHandle } from "@/db";
import { jobEvents, jobRuns, jobSteps } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { AppError } from "../../errors";
import { retryDelayMs } from "./backoff";
import { emit } from "./emit";
import { drainJobs, JobRunner } from "./runner";
import { claimNextRun } from "./store";
import { probe, recordFunction, installTestJobFunctions } from "./testing";

installTestJobFunctions();

const fast = { backoff: { baseMs: 5, maxMs: 20 }, timeoutMs: 10_000 };

const testDb = withTestDb({ inProcessJobs: true });

async function runsOf(userId: string) {
  const events = await testDb.db.select({ id: jobEvents.id }).from(jobEvents).where(eq(jobEvents.data, { userId }));
  if (events.length === 0) return [];
  return testDb.db
    .select()
    .from(jobRuns)
    .where(
      inArray(
        jobRuns.eventId,
        events.map((e) => e.id),
      ),
    );
}

describe("emit", () => {
  it("rejects data that does not match the event schema with field paths", async () => {
    const error = await emit(testDb.db, "auth/verification-email.requested", { userId: "not-a-uuid" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect((error as AppError).fields?.[0]?.path).toBe("userId");
  });

  it("rejects unknown event names", async () => {
    const error = await emit(testDb.db, "nope/x" as never, {} as never).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("BAD_REQUEST");
  });

  it("commits the event and a queued run before returning", async () => {
    const userId = randomUUID();
    await emit(testDb.db, "auth/verification-email.requested", { userId });
    const runs = await runsOf(userId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ functionId: "test-record", status: "queued", attempt: 0, maxAttempts: 2 });
    expect(probe.of(userId)).toEqual([]);
  });

  it("starts nothing for a duplicate idempotency id, so the function runs once", async () => {
    const userId = randomUUID();
    await emit(testDb.db, "auth/verification-email.requested", { userId }, { id: `verify-${userId}` });
    await emit(testDb.db, "auth/verification-email.requested", { userId }, { id: `verify-${userId}` });
    expect(await runsOf(userId)).toHaveLength(1);
    await drainJobs(testDb.db, fast);
    expect(probe.of(userId)).toEqual(["handler@0", "first", "second"]);
    expect((await runsOf(userId))[0]).toMatchObject({ status: "completed", output: { first: { at: "first" }, userId } });
  });
});

describe("in-process runner", () => {
  it("retries a failing step with backoff, then records the run as failed", async () => {
    const userId = randomUUID();
    probe.failuresLeft.set(userId, 100);
    await emit(testDb.db, "auth/password-reset.requested", { userId });
    const result = await drainJobs(testDb.db, fast);
    expect(result.outcomes.retrying).toBeGreaterThanOrEqual(2);
    const [run] = await runsOf(userId);
    expect(run).toMatchObject({ status: "failed", attempt: 2, maxAttempts: 3, lockedBy: null });
    expect(run?.lastError).toContain(`boom for ${userId}`);
    expect(run?.finishedAt).toBeInstanceOf(Date);
    // The step before the failing one succeeded once and was replayed from storage afterwards.
    expect(probe.of(userId)).toEqual(["prepare", "explode", "explode", "explode"]);
  });

  it("does not re-execute a step that succeeded when the run is retried", async () => {
    const userId = randomUUID();
    probe.failuresLeft.set(userId, 1);
    await emit(testDb.db, "auth/password-reset.requested", { userId });
    await drainJobs(testDb.db, fast);
    const [run] = await runsOf(userId);
    expect(run).toMatchObject({ status: "completed", attempt: 1, output: "done" });
    expect(probe.of(userId)).toEqual(["prepare", "explode", "explode"]);
    const steps = await testDb.db.select({ stepId: jobSteps.stepId }).from(jobSteps).where(eq(jobSteps.runId, run!.id));
    expect(steps.map((s) => s.stepId).sort()).toEqual(["explode", "prepare"]);
  });

  it("resumes a sleeping run after its sleep, replaying earlier steps", async () => {
    const userId = randomUUID();
    probe.sleepMs.set(userId, 150);
    await emit(testDb.db, "auth/verification-email.requested", { userId });
    const started = Date.now();
    const result = await drainJobs(testDb.db, fast);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.outcomes).toMatchObject({ sleeping: 1, completed: 1 });
    expect(probe.of(userId)).toEqual(["handler@0", "first", "handler@0", "second"]);
  });

  it("runs one run at a time per concurrency key", async () => {
    const a = randomUUID();
    const b = randomUUID();
    for (const userId of [a, a, a, b, b]) await emit(testDb.db, "auth/email-change.requested", { userId, newEmail: "new@example.com" });
    await drainJobs(testDb.db, { ...fast, concurrency: 4 });
    for (const userId of [a, b]) {
      const spans = probe.spans.filter((s) => s.userId === userId).sort((x, y) => x.start - y.start);
      expect(spans).toHaveLength(userId === a ? 3 : 2);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  });

  it("never runs one run twice when two workers drain the same database", async () => {
    const users = Array.from({ length: 8 }, () => randomUUID());
    for (const userId of users) await emit(testDb.db, "auth/verification-email.requested", { userId });
    await Promise.all([drainJobs(testDb.db, fast), drainJobs(testDb.db, fast)]);
    for (const userId of users) expect(probe.of(userId).filter((c) => c === "first")).toEqual(["first"]);
  });

  it("takes over a run whose worker died once its lease expires", async () => {
    const userId = randomUUID();
    await emit(testDb.db, "auth/verification-email.requested", { userId });
    const [run] = await runsOf(userId);
    // A worker claims the run and then vanishes without finishing it.
    let claimed = await claimNextRun(testDb.db, "dead-worker", 100, ["test-record"]);
    while (claimed && claimed.id !== run!.id) claimed = await claimNextRun(testDb.db, "dead-worker", 100, ["test-record"]);
    expect(claimed?.id).toBe(run!.id);
    await drainJobs(testDb.db, fast);
    const [after] = await runsOf(userId);
    expect(after).toMatchObject({ status: "completed", attempt: 1 });
    expect(probe.of(userId)).toContain("second");
  });

  it("starts, picks up emitted events promptly and stops", async () => {
    const runner = new JobRunner({ db: testDb.db, pollMs: 20, ...fast });
    runner.start();
    const userId = randomUUID();
    await emit(testDb.db, "auth/verification-email.requested", { userId });
    await vi.waitFor(async () => expect((await runsOf(userId))[0]?.status).toBe("completed"), { timeout: 5_000, interval: 20 });
    await runner.stop();
    expect(runner.isRunning).toBe(false);
  });
});

describe("retry backoff", () => {
  it("grows exponentially with bounded jitter and a cap", () => {
    const options = { baseMs: 1_000, maxMs: 10_000 };
    expect(retryDelayMs(1, options, () => 0.5)).toBe(1_000);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(4_000);
    expect(retryDelayMs(3, options, () => 0)).toBe(3_000);
    expect(retryDelayMs(3, options, () => 1)).toBe(5_000);
    expect(retryDelayMs(20, options, () => 1)).toBe(10_000);
  });
});

describe("the same function on Inngest (@inngest/test)", () => {
  it("runs the handler with Inngest's steps and the process database", async () => {
    setDbHandle(testDb.handle);
    const userId = randomUUID();
    const engine = new InngestTestEngine({ function: recordFunction.inngest });
    const { result } = await engine.execute({
      events: [{ name: "auth/verification-email.requested", data: { userId } }],
      steps: [{ id: "nap", handler: () => null }],
    });
    expect(result).toEqual({ first: { at: "first" }, userId });
    expect(probe.of(userId)).toContain("second");
  });
});
