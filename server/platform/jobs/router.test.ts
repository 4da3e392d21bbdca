import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, jobRuns, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { callerFor, callerWithRole, sessionFor } from "../../testing";
import type { SessionUser } from "../../trpc";
import { emit } from "./emit";
import { drainJobs } from "./runner";
import { probe, installTestJobFunctions } from "./testing";

installTestJobFunctions();

const testDb = withTestDb({ inProcessJobs: true });

const callerAs = (role: SessionUser["role"]) => callerWithRole(testDb.db, role);

/** An admin with an account row (retries and cancels are audited under the admin's id). */
async function adminCaller() {
  const [row] = await testDb.db.insert(users).values({ email: `admin-${randomUUID()}@example.com`, role: "admin" }).returning();
  return callerFor(testDb.db, sessionFor(row!), { ip: "203.0.113.5" });
}

describe("jobs router", () => {
  it("is for admins only", async () => {
    await expect(callerAs("user").jobs.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs("user").jobs.counts()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(testDb.db, null).jobs.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lists runs newest first with pagination and a status filter, shows details, and retries failed runs", async () => {
    const admin = await adminCaller();
    const failing = randomUUID();
    probe.failuresLeft.set(failing, 100);
    await emit(testDb.db, "auth/password-reset.requested", { userId: failing });
    for (let i = 0; i < 3; i++) await emit(testDb.db, "auth/verification-email.requested", { userId: randomUUID() });
    await drainJobs(testDb.db, { backoff: { baseMs: 1, maxMs: 5 } });

    expect(await admin.jobs.counts()).toMatchObject({ completed: 3, failed: 1, queued: 0, running: 0 });

    const first = await admin.jobs.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await admin.jobs.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((r) => r.id)).size).toBe(4);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(all[i]!.createdAt.getTime());

    const failed = await admin.jobs.list({ status: "failed" });
    expect(failed.items).toHaveLength(1);
    const failedRun = failed.items[0]!;
    expect(failedRun).toMatchObject({ functionId: "test-flaky", eventName: "auth/password-reset.requested", attempt: 2, maxAttempts: 3 });

    const detail = await admin.jobs.get({ id: failedRun.id });
    expect(detail.lastError).toContain(`boom for ${failing}`);
    expect(detail.event.data).toEqual({ userId: failing });
    expect(detail.steps.map((s) => s.stepId)).toEqual(["prepare"]);

    await expect(admin.jobs.retry({ id: all.find((r) => r.status === "completed")!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    probe.failuresLeft.set(failing, 0);
    await admin.jobs.retry({ id: failedRun.id });
    const [audited] = await testDb.db.select().from(auditEvents).where(eq(auditEvents.targetId, failedRun.id));
    expect(audited).toMatchObject({ action: "admin.job-retried", subjectUserId: null, targetType: "job-run", ip: "203.0.113.5" });
    const [queued] = await testDb.db.select().from(jobRuns).where(eq(jobRuns.id, failedRun.id));
    expect(queued).toMatchObject({ status: "queued", attempt: 0, finishedAt: null });
    await drainJobs(testDb.db);
    expect((await admin.jobs.get({ id: failedRun.id })).status).toBe("completed");
  });

  it("cancels queued runs only and answers NOT_FOUND for unknown ids", async () => {
    const admin = await adminCaller();
    const userId = randomUUID();
    await emit(testDb.db, "auth/verification-email.requested", { userId });
    const { items } = await admin.jobs.list({ status: "queued" });
    await admin.jobs.cancel({ id: items[0]!.id });
    expect(await testDb.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, items[0]!.id))).toEqual([{ action: "admin.job-cancelled" }]);
    expect((await admin.jobs.get({ id: items[0]!.id })).status).toBe("cancelled");
    await expect(admin.jobs.cancel({ id: items[0]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.jobs.get({ id: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.jobs.get({ id: "not-a-uuid" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
