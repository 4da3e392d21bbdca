import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, profiles, webhookDeliveries, weeklyReports } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { recomputeInsights } from "../analytics/recompute";
import type { InsightStage } from "../analytics/stage";
import { insertUser, scoreRow } from "../analytics/insights/testing/rows";
import { activateConnection, markConnection } from "../devices/connections";
import { demoHistoryIsIn } from "./demo-catch-up";
import { weeklyReportsStage } from "./stage";
import { FIXTURE_SCORES, FIXTURE_SUMMARIES } from "./testing/fixture-week";

const handle = withTestDb();

const scoresFromFixture: InsightStage = {
  name: "fixture-scores",
  run: async (ctx) => {
    ctx.scores = FIXTURE_SCORES.map((s) => ({ ...s, status: null, confidence: 1, contributors: [], baselines: {} }));
  },
};

describe("the demo account's past reports", () => {
  it("are made by the recompute once the demo backfill is done and every delivery ingested, for complete weeks only", async () => {
    const user = await insertUser(handle.db, `demo-${crypto.randomUUID()}@example.com`);
    await handle.db.insert(profiles).values({ userId: user.id, timeZone: "UTC" });
    await handle.db.insert(dailySummaries).values([...FIXTURE_SUMMARIES, { date: "2026-11-30", values: { steps: 1 } }].map((s) => ({ userId: user.id, localDate: s.date, values: s.values })));
    await handle.db.insert(energyScores).values(FIXTURE_SCORES.map((s) => scoreRow(user.id, s.date, s.score)));
    // Tuesday 1 December: W47 and W48 are over, W49 (with Monday's data) is not.
    const recompute = () => recomputeInsights(handle.db, user.id, { stages: [scoresFromFixture, weeklyReportsStage], now: new Date("2026-12-01T12:00:00Z") });
    const weeks = async () => (await handle.db.select({ week: weeklyReports.weekStart, checked: weeklyReports.lateCheckedAt }).from(weeklyReports).where(eq(weeklyReports.userId, user.id))).map((r) => [r.week, r.checked !== null]).sort();

    // No demo connection: nothing is made.
    await recompute();
    expect(await weeks()).toEqual([]);

    const demo = await activateConnection(handle.db, { userId: user.id, provider: "demo", externalUserId: `demo-${user.id}` });
    await markConnection(handle.db, demo.id, { backfill: { from: "2026-06-01T00:00:00.000Z", until: "2026-12-01T00:00:00.000Z", next: null, done: false } });
    expect(await demoHistoryIsIn(handle.db, user.id)).toBe(false);
    await markConnection(handle.db, demo.id, { backfill: { from: "2026-06-01T00:00:00.000Z", until: "2026-12-01T00:00:00.000Z", next: null, done: true } });
    // A delivery still waiting for the ingest job holds it back.
    const [waiting] = await handle.db
      .insert(webhookDeliveries)
      .values({ provider: "demo", idempotencyKey: `k-${user.id}`, eventType: "daily", userId: user.id, body: {} })
      .returning();
    expect(await demoHistoryIsIn(handle.db, user.id)).toBe(false);
    await recompute();
    expect(await weeks()).toEqual([]);

    await handle.db.update(webhookDeliveries).set({ status: "processed" }).where(eq(webhookDeliveries.id, waiting!.id));
    expect(await demoHistoryIsIn(handle.db, user.id)).toBe(true);
    await recompute();
    // Made from the recompute's own history, so already compared.
    expect(await weeks()).toEqual([
      ["2026-11-16", true],
      ["2026-11-23", true],
    ]);
    const [w48] = await handle.db.select().from(weeklyReports).where(eq(weeklyReports.weekStart, "2026-11-23"));
    expect(w48!.figures.averages.energyScore).toEqual({ value: 71.8, days: 5, previous: 70, change: 1.8 });
    await recompute();
    expect(await weeks()).toHaveLength(2);
  });
});
