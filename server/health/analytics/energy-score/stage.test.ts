import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { energyScores, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { addDays } from "../../local-date";
import type { InsightContext } from "../stage";
import { energyScoreStage } from "./stage";
import { setUserScoreWeights } from "./weights-store";

const handle = withTestDb({ inProcessJobs: true });

async function newUser(email: string): Promise<string> {
  const [row] = await handle.db.insert(users).values({ email }).returning();
  return row!.id;
}

/** 20 days from 2026-03-01: resting HR 52/54 in turn and 56 on the last day, HRV 50 ms, 8 h of sleep. */
const history = (from = 0, to = 20) =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { date: addDays("2026-03-01", i), values: { resting_heart_rate: i === 19 ? 56 : i % 2 ? 54 : 52, hrv_rmssd: 50, sleep_asleep_seconds: 28800 } };
  });

const contextFor = (userId: string, days: InsightContext["days"]): InsightContext => ({
  db: handle.db,
  userId,
  today: "2026-03-20",
  timeZone: "UTC",
  sleepNeedSeconds: 8 * 3600,
  days,
  scores: [],
  risks: [],
  correlations: [],
});

const rowsOf = (userId: string) => handle.db.select().from(energyScores).where(eq(energyScores.userId, userId)).orderBy(asc(energyScores.localDate));

describe("energyScoreStage", () => {
  it("stores every day of the history, fills ctx.scores, and drops the days the history lost", async () => {
    const userId = await newUser("stage-a@example.com");
    const other = await newUser("stage-b@example.com");
    await energyScoreStage.run(contextFor(other, history()));

    const ctx = contextFor(userId, history());
    await energyScoreStage.run(ctx);
    expect(ctx.scores.map((s) => s.date)).toEqual(history().map((d) => d.date));
    let rows = await rowsOf(userId);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ localDate: "2026-03-01", state: "calibrating", calibrationDaysLeft: 14, score: null, contributors: [] });
    const last = rows[19]!;
    expect(last).toMatchObject({ state: "scored", calibrationDaysLeft: null, guard: null });
    expect(last.score).toBe(ctx.scores[19]!.score);
    expect(last.contributors.map((c) => c.key)).toContain("hrv");
    // Days 0–18: ten at 52 and nine at 54 → mean 1006 / 19 = 52.947.
    expect(last.metrics.resting_heart_rate).toMatchObject({ value: 56, baseline: { mean: 52.947, days: 19 } });

    // The history now starts five days later (a source was removed): those five rows go, the rest are rewritten.
    await energyScoreStage.run(contextFor(userId, history(5)));
    rows = await rowsOf(userId);
    expect(rows.map((r) => r.localDate)).toEqual(history(5).map((d) => d.date));
    expect(rows[0]).toMatchObject({ state: "calibrating", calibrationDaysLeft: 14 });

    // No history at all: no rows; the other user's rows are untouched.
    await energyScoreStage.run(contextFor(userId, []));
    expect(await rowsOf(userId)).toEqual([]);
    expect(await rowsOf(other)).toHaveLength(20);
  });

  it("scores with the user's own weights", async () => {
    const userId = await newUser("stage-c@example.com");
    await setUserScoreWeights(handle.db, userId, { hrv: 0 });
    const ctx = contextFor(userId, history());
    await energyScoreStage.run(ctx);
    const hrv = ctx.scores[19]!.contributors.find((c) => c.key === "hrv")!;
    expect(hrv).toMatchObject({ weight: 0, points: 0 });
    expect(hrv.explanation).toMatch(/not counted \(weight 0\)$/);
  });
});
