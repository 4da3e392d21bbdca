import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { setDbHandle } from "@/db";
import { jobEvents, jobRuns, profiles, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { buildDemoDeliveries, generateDemoDays } from "@/server/health/demo/generator";
import { activateConnection } from "@/server/health/devices/connections";
import { receiveUpload } from "@/server/health/imports/file-imports";
import { receiveWebhook } from "@/server/health/ingestion/webhooks";
import { demoWebhookSecret } from "@/server/health/providers/config";
import { dailySummaries } from "@/db/schema";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { recomputeInsightsJob } from "./recompute-insights";

// The real stages are other parts' work; here one stage records each recompute it is part of.
const seen = vi.hoisted(() => [] as { userId: string; days: number; today: string }[]);
vi.mock("@/server/health/analytics/stages", () => ({
  INSIGHT_STAGES: [{ name: "probe", run: async (ctx: { userId: string; days: unknown[]; today: string }) => void seen.push({ userId: ctx.userId, days: ctx.days.length, today: ctx.today }) }],
}));

const testDb = withTestDb({ inProcessJobs: true });

const newUser = async (timeZone = "UTC") => {
  const user = await createUser(testDb.db, { email: `insights-${randomUUID()}@example.com`, verified: true });
  await testDb.db.insert(profiles).values({ userId: user.id, timeZone }).onConflictDoUpdate({ target: profiles.userId, set: { timeZone } });
  return user.id;
};

/** The recompute requests emitted for `userId`, oldest first. */
const requestsOf = (userId: string) =>
  testDb.db
    .select({ reason: sql<string>`${jobEvents.data} ->> 'reason'`, id: jobEvents.idempotencyKey })
    .from(jobEvents)
    .where(and(eq(jobEvents.name, "analytics/recompute.requested"), sql`${jobEvents.data} ->> 'userId' = ${userId}`))
    .orderBy(asc(jobEvents.createdAt));

/** The recompute job's runs for `userId`. */
const runsOf = (userId: string) =>
  testDb.db
    .select({ status: jobRuns.status, output: jobRuns.output })
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(and(eq(jobRuns.functionId, "recompute-insights"), sql`${jobEvents.data} ->> 'userId' = ${userId}`))
    .orderBy(asc(jobEvents.createdAt));

const completed = async (userId: string) => (await runsOf(userId)).filter((r) => r.status === "completed");

describe("recompute-insights job", () => {
  it("turns a burst of five requests into one recompute, with its stage timings as the run's output", async () => {
    const userId = await newUser();
    for (const reason of ["ingestion", "ingestion", "ingestion", "import", "manual"] as const) await requestInsightsRecompute(testDb.db, userId, reason);
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    const runs = await runsOf(userId);
    expect(runs.map((r) => r.status)).toEqual(["completed"]);
    expect(runs[0]!.output).toMatchObject({ reason: "manual", userId, days: 0, stages: [{ name: "probe" }] });
    expect(seen.filter((s) => s.userId === userId)).toHaveLength(1);
  });

  it("is requested once webhooks stored new data, and not for a re-delivery", async () => {
    const userId = await newUser("America/New_York");
    const connection = await activateConnection(testDb.db, { userId, provider: "demo", externalUserId: `demo-${userId}` });
    const generated = generateDemoDays({
      seed: "insights-test",
      userRef: connection.externalUserId!,
      providerUserId: connection.externalUserId!,
      startDate: "2026-03-06",
      days: 3,
      homeTimeZone: "America/New_York",
      missingNightRate: 0,
      gapDays: 0,
      trip: false,
      duplicateRate: 0,
      revision: false,
    });
    const deliveries = buildDemoDeliveries(generated, { secret: demoWebhookSecret() });
    const post = (d: (typeof deliveries)[number]) =>
      receiveWebhook(testDb.db, { providerId: "demo", method: "POST", url: new URL("http://localhost/api/webhooks/demo"), headers: new Headers({ ...d.headers }), rawBody: d.body });
    for (const d of deliveries) await post(d);
    await drainJobs(testDb.db, { timeoutMs: 60_000 });

    const requests = await requestsOf(userId);
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests.map((r) => r.reason))).toEqual(new Set(["ingestion"]));
    expect(await completed(userId)).toHaveLength(1);
    const stored = await testDb.db.select({ date: dailySummaries.localDate }).from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(seen.filter((s) => s.userId === userId)).toEqual([{ userId, days: stored.length, today: expect.any(String) }]);

    for (const d of deliveries) await post(d);
    await drainJobs(testDb.db, { timeoutMs: 60_000 });
    expect(await requestsOf(userId)).toHaveLength(requests.length);
  });

  it("is requested after a file import that stored rows", async () => {
    const userId = await newUser();
    const csv = readFileSync(path.resolve(process.cwd(), "../shared/data/samples/fitbit-dailyActivity-merged.csv"));
    await receiveUpload(testDb.db, {
      userId,
      filename: "dailyActivity_merged.csv",
      body: (async function* () {
        yield csv;
      })(),
    });
    await drainJobs(testDb.db, { timeoutMs: 60_000 });
    expect((await requestsOf(userId)).map((r) => r.reason)).toEqual(["import"]);
    expect(seen.filter((s) => s.userId === userId)).toEqual([{ userId, days: 30, today: expect.any(String) }]);
  });

  it("skips a user who no longer exists", async () => {
    const userId = await newUser();
    await requestInsightsRecompute(testDb.db, userId, "manual");
    await testDb.db.delete(users).where(eq(users.id, userId));
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect((await runsOf(userId))[0]).toMatchObject({ status: "completed", output: { skipped: "user not found" } });
  });

  it("runs on Inngest's engine too (@inngest/test)", async () => {
    setDbHandle(testDb.handle);
    const userId = await newUser("Europe/Berlin");
    const engine = new InngestTestEngine({ function: recomputeInsightsJob.inngest });
    const { result } = await engine.execute({ events: [{ name: "analytics/recompute.requested", data: { userId, reason: "manual" } }] });
    expect(result).toMatchObject({ reason: "manual", userId, days: 0, stages: [{ name: "probe" }] });
  });
});

describe("nightly fan-out", () => {
  it("requests one recompute per user with data whose night it is, once per slot", async () => {
    const berlin = await newUser("Europe/Berlin");
    const newYork = await newUser("America/New_York");
    const berlinNoData = await newUser("Europe/Berlin");
    await testDb.db.insert(dailySummaries).values([
      { userId: berlin, localDate: "2026-01-14", values: { steps: 1 } },
      { userId: newYork, localDate: "2026-01-14", values: { steps: 1 } },
    ]);
    // 02:00 UTC on 15 January is 03:00 in Berlin (UTC+1) and 21:00 the day before in New York (UTC−5).
    const at = "2026-01-15T02:00:00.000Z";
    await emit(testDb.db, "clock/insights-due", { at }, { id: `nightly-insights-${at}` });
    await emit(testDb.db, "clock/insights-due", { at }, { id: `nightly-insights-${at}` });
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect(await requestsOf(berlin)).toEqual([{ reason: "nightly", id: `nightly-2026-01-15-${berlin}` }]);
    expect(await requestsOf(newYork)).toEqual([]);
    expect(await requestsOf(berlinNoData)).toEqual([]);
    expect(await completed(berlin)).toHaveLength(1);

    // 08:00 UTC is 03:00 in New York.
    const later = "2026-01-15T08:00:00.000Z";
    await emit(testDb.db, "clock/insights-due", { at: later }, { id: `nightly-insights-${later}` });
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect(await requestsOf(newYork)).toEqual([{ reason: "nightly", id: `nightly-2026-01-15-${newYork}` }]);
    expect(await requestsOf(berlin)).toHaveLength(1);
  });
});
