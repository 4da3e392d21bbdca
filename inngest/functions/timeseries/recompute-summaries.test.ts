import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailySummaries, jobEvents, jobRuns, jobSteps, providerPriorities, summaryRecomputes, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { addDays } from "@/server/health/local-date";
import { currentRecompute, RECOMPUTE_BATCH_DAYS, requestSummaryRecompute } from "@/server/health/timeseries/recompute";
import { rollupDays } from "@/server/health/timeseries/rollup";
import { storeBatch } from "@/server/health/timeseries/store";
import { emptyBatch } from "@/server/health/types";
import { drainJobs } from "@/server/platform/jobs/runner";

const handle = withTestDb({ inProcessJobs: true });

const FIRST_DAY = "2026-01-01";

/** A user with `days` days of resting heart rate from Oura (50) and the demo wearable (60), rolled up. */
async function userWithDays(days: number) {
  const [user] = await handle.db.insert(users).values({ email: `r-${randomBytes(6).toString("hex")}@example.com` }).returning();
  const userId = user!.id;
  const dates = Array.from({ length: days }, (_, i) => addDays(FIRST_DAY, i));
  const samples = dates.flatMap((date) =>
    (["oura", "demo"] as const).map((source, i) => ({
      metric: "resting_heart_rate" as const,
      start: new Date(`${date}T12:00:00Z`),
      end: new Date(`${date}T12:00:00Z`),
      value: 50 + i * 10,
      source,
      sourceRecordId: `${source}:rhr:${date}`,
      utcOffsetMinutes: 0,
    })),
  );
  await storeBatch(handle.db, { userId, rawRecordId: null, timeZone: "UTC" }, { ...emptyBatch(), samples });
  await rollupDays(handle.db, userId, dates);
  return userId;
}

const winners = async (userId: string) =>
  (await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId)).orderBy(asc(dailySummaries.localDate))).map(
    (d) => d.sources.resting_heart_rate,
  );

async function preferDemo(userId: string) {
  await handle.db.insert(providerPriorities).values([
    { userId, provider: "demo", rank: 1 },
    { userId, provider: "oura", rank: 2 },
  ]);
}

/** The step ids the job's runs for this re-computation stored. */
const stepsOf = async (recomputeId: string) =>
  (
    await handle.db
      .select({ stepId: jobSteps.stepId })
      .from(jobSteps)
      .innerJoin(jobRuns, eq(jobRuns.id, jobSteps.runId))
      .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
      .where(sql`${jobEvents.data}->>'recomputeId' = ${recomputeId}`)
  ).map((row) => row.stepId);

describe("recompute-summaries", () => {
  it("re-rolls every day of the user a month per step, counting the progress", async () => {
    const days = 2 * RECOMPUTE_BATCH_DAYS + 8;
    const userId = await userWithDays(days);
    await preferDemo(userId);
    const queued = await requestSummaryRecompute(handle.db, userId, "priority");
    // Queued, nothing re-computed yet: the request did no rollup itself.
    expect(await currentRecompute(handle.db, userId)).toMatchObject({ status: "queued", totalDays: null, doneDays: 0 });
    expect(new Set(await winners(userId))).toEqual(new Set(["oura"]));

    await drainJobs(handle.db, { timeoutMs: 60_000 });
    expect(new Set(await winners(userId))).toEqual(new Set(["demo"]));
    expect(await currentRecompute(handle.db, userId)).toMatchObject({ id: queued.id, status: "succeeded", totalDays: days, doneDays: days });
    const steps = await stepsOf(queued.id);
    expect(steps).toEqual(expect.arrayContaining(["plan", "days-0", "days-1", "days-2", "finish"]));
    expect(steps.filter((s) => s.startsWith("days-"))).toHaveLength(3);
  });

  it("stops a pass that a newer request superseded; the newer one does the work", async () => {
    const userId = await userWithDays(3);
    const older = await requestSummaryRecompute(handle.db, userId, "priority");
    await preferDemo(userId);
    const newer = await requestSummaryRecompute(handle.db, userId, "priority");
    await drainJobs(handle.db, { timeoutMs: 60_000 });
    const rows = await handle.db.select().from(summaryRecomputes).where(eq(summaryRecomputes.userId, userId));
    expect(rows.find((r) => r.id === older.id)).toMatchObject({ status: "superseded", doneDays: 0 });
    expect(rows.find((r) => r.id === newer.id)).toMatchObject({ status: "succeeded", doneDays: 3, totalDays: 3 });
    expect(await winners(userId)).toEqual(["demo", "demo", "demo"]);
  });

  it("is shown for ten minutes after it finished, then no more", async () => {
    const userId = await userWithDays(1);
    await requestSummaryRecompute(handle.db, userId, "priority");
    await drainJobs(handle.db, { timeoutMs: 60_000 });
    expect(await currentRecompute(handle.db, userId, new Date(Date.now() + 9 * 60_000))).toMatchObject({ status: "succeeded" });
    expect(await currentRecompute(handle.db, userId, new Date(Date.now() + 11 * 60_000))).toBeNull();
  });
});
