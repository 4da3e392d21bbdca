import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, profiles, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { DEFAULT_SLEEP_NEED_SECONDS } from "../metrics";
import { recomputeInsights } from "./recompute";
import type { InsightContext, InsightStage } from "./stage";

const handle = withTestDb();

async function userWithDays(email: string, timeZone: string, days: { date: string; values: Record<string, number> }[]) {
  const [user] = await handle.db.insert(users).values({ email }).returning();
  await handle.db.insert(profiles).values({ userId: user!.id, timeZone });
  if (days.length) await handle.db.insert(dailySummaries).values(days.map((d) => ({ userId: user!.id, localDate: d.date, values: d.values })));
  return user!.id;
}

/** A stage that writes a calibrating score row for `today` and records what it saw. */
function writingStage(name: string, seen: string[]): InsightStage {
  return {
    name,
    async run(ctx) {
      seen.push(`${name}:${ctx.scores.length}`);
      await ctx.db
        .insert(energyScores)
        .values({ userId: ctx.userId, localDate: ctx.today, state: "calibrating", calibrationDaysLeft: 14 - ctx.days.length })
        .onConflictDoUpdate({ target: [energyScores.userId, energyScores.localDate], set: { calibrationDaysLeft: 14 - ctx.days.length } });
      ctx.scores.push({ date: ctx.today, state: "calibrating", score: null, status: null, confidence: 0, contributors: [], baselines: {} });
    },
  };
}

describe("recomputeInsights", () => {
  it("loads the profile and the whole history once, in order, and runs the stages in order", async () => {
    const userId = await userWithDays("order@example.com", "America/Los_Angeles", [
      { date: "2026-03-02", values: { steps: 200 } },
      { date: "2026-03-01", values: { steps: 100, hrv_rmssd: 40 } },
    ]);
    await userWithDays("other@example.com", "UTC", [{ date: "2026-03-01", values: { steps: 999 } }]);
    const seen: string[] = [];
    let context: InsightContext | undefined;
    const inspect: InsightStage = { name: "inspect", run: async (ctx) => void (context = ctx) };
    // 05:00 UTC on 3 March is 21:00 on 2 March in Los Angeles (UTC−8 before the DST change).
    const result = await recomputeInsights(handle.db, userId, { stages: [writingStage("first", seen), writingStage("second", seen), inspect], now: new Date("2026-03-03T05:00:00Z") });

    expect(seen).toEqual(["first:0", "second:1"]);
    expect(context).toMatchObject({
      userId,
      today: "2026-03-02",
      timeZone: "America/Los_Angeles",
      sleepNeedSeconds: DEFAULT_SLEEP_NEED_SECONDS,
      days: [
        { date: "2026-03-01", values: { steps: 100, hrv_rmssd: 40 } },
        { date: "2026-03-02", values: { steps: 200 } },
      ],
      risks: [],
      correlations: [],
    });
    expect(result).toMatchObject({ userId, today: "2026-03-02", days: 2 });
    expect(result.stages.map((s) => s.name)).toEqual(["first", "second", "inspect"]);
    for (const stage of result.stages) expect(stage.ms).toBeGreaterThanOrEqual(0);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.loadMs);
    // 14 − 2 days of data = 12 left.
    expect(await handle.db.select({ left: energyScores.calibrationDaysLeft }).from(energyScores).where(eq(energyScores.userId, userId))).toEqual([{ left: 12 }]);
  });

  it("rolls every stage's writes back when a later stage fails, and names the stage", async () => {
    const userId = await userWithDays("rollback@example.com", "UTC", [{ date: "2026-03-01", values: { steps: 1 } }]);
    const failing: InsightStage = {
      name: "forecast",
      run: async () => {
        throw new Error("no convergence");
      },
    };
    const error = await recomputeInsights(handle.db, userId, { stages: [writingStage("energy-score", []), failing], now: new Date("2026-03-01T12:00:00Z") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('"forecast"');
    expect(((error as Error).cause as Error).message).toBe("no convergence");
    expect(await handle.db.select().from(energyScores).where(eq(energyScores.userId, userId))).toEqual([]);
  });

  it("works for a user with no data yet (an empty history)", async () => {
    const userId = await userWithDays("empty@example.com", "Europe/Berlin", []);
    const result = await recomputeInsights(handle.db, userId, { stages: [writingStage("energy-score", [])], now: new Date("2026-06-30T22:30:00Z") });
    // 22:30 UTC is 00:30 on 1 July in Berlin (UTC+2 in summer).
    expect(result).toMatchObject({ today: "2026-07-01", days: 0 });
  });

  it("runs after-commit work once the stages' rows are committed, and a failure there keeps them", async () => {
    const userId = await userWithDays("after@example.com", "UTC", [{ date: "2026-03-01", values: { steps: 100 } }]);
    let committedRows = -1;
    const late: InsightStage = {
      name: "late",
      run: async () => undefined,
      async afterCommit(ctx) {
        // Outside the transaction: the plain handle sees the row the first stage wrote.
        expect(ctx.db).toBe(handle.db);
        committedRows = (await handle.db.select().from(energyScores).where(eq(energyScores.userId, userId))).length;
        throw new Error("the AI provider is down");
      },
    };
    const result = await recomputeInsights(handle.db, userId, { stages: [writingStage("first", []), late], now: new Date("2026-03-01T12:00:00Z") });
    expect(committedRows).toBe(1);
    expect(result.stages.map((s) => s.name)).toEqual(["first", "late", "late (after commit)"]);
    expect(await handle.db.select().from(energyScores).where(eq(energyScores.userId, userId))).toHaveLength(1);
  });
});
