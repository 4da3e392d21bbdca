import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { riskFlags } from "@/db/schema/analytics";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { addDays } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import type { InsightContext, ScoredDay } from "../stage";
import { risksStage } from "./stage";

const handle = withTestDb();
const TODAY = "2026-03-31";

async function context(days: DayValues[], scores: ScoredDay[] = []): Promise<InsightContext> {
  const [user] = await handle.db.insert(users).values({ email: `risks-${crypto.randomUUID()}@example.com` }).returning();
  return { db: handle.db, userId: user!.id, today: TODAY, timeZone: "UTC", sleepNeedSeconds: 8 * 3600, days, scores, risks: [], correlations: [] };
}

/** 40 days of a steady history ending today, with `overrides` by days before today. */
function history(overrides: Record<number, Record<string, number>>): DayValues[] {
  return Array.from({ length: 40 }, (_, i) => {
    const back = 39 - i;
    return { date: addDays(TODAY, -back), values: { resting_heart_rate: 50, sleep_debt_seconds: 3600, ...overrides[back] } };
  });
}

const flagsOf = (userId: string) => handle.db.select().from(riskFlags).where(eq(riskFlags.userId, userId)).orderBy(riskFlags.localDate);

describe("risksStage", () => {
  it("stores the window's flags and leaves today's active ones (ended within 2 days) in the context, most severe first", async () => {
    // Resting HR 60 on days 10–9 before today (a run long over), sleep debt 11 h today and yesterday.
    const ctx = await context(history({ 10: { resting_heart_rate: 60 }, 9: { resting_heart_rate: 60 }, 1: { sleep_debt_seconds: 39_600 }, 0: { sleep_debt_seconds: 39_600 } }));
    await risksStage.run(ctx);
    const rows = await flagsOf(ctx.userId);
    expect(rows.map((r) => [r.kind, r.localDate, r.severity])).toEqual([
      ["resting_hr_elevated", addDays(TODAY, -9), "high"],
      ["sleep_debt", TODAY, "high"],
    ]);
    expect(rows[0]!.evidence.days).toHaveLength(2);
    expect(ctx.risks.map((r) => r.kind)).toEqual(["sleep_debt"]);
  });

  it("replaces the flags of the last 30 days on a rerun and keeps older ones", async () => {
    const ctx = await context(history({ 0: { sleep_debt_seconds: 20_000 } }));
    await handle.db.insert(riskFlags).values([
      { userId: ctx.userId, kind: "hrv_suppressed", localDate: addDays(TODAY, -5), severity: "low", title: "old", detail: "old", evidence: { rule: "", days: [] } },
      { userId: ctx.userId, kind: "hrv_suppressed", localDate: addDays(TODAY, -30), severity: "low", title: "older", detail: "older", evidence: { rule: "", days: [] } },
    ]);
    await risksStage.run(ctx);
    await risksStage.run(ctx);
    expect((await flagsOf(ctx.userId)).map((r) => [r.kind, r.localDate, r.title])).toEqual([
      ["hrv_suppressed", addDays(TODAY, -30), "older"],
      ["sleep_debt", TODAY, "Sleep debt"],
    ]);
  });

  it("judges against the energy score stage's stored baselines when it left them", async () => {
    // Without them: normal 50 bpm (SD floored to 1), 53 bpm is z = 3. With a stored 50 ± 2 normal: z = 1.5, no flag.
    const days = history({ 1: { resting_heart_rate: 53 }, 0: { resting_heart_rate: 53 } });
    const scores: ScoredDay[] = days.map((d) => ({
      date: d.date,
      state: "scored",
      score: 70,
      status: "good",
      confidence: 1,
      contributors: [],
      baselines: { resting_heart_rate: { mean: 50, sd: 2, low: 48, high: 52, days: 60 } },
    }));
    const own = await context(days);
    await risksStage.run(own);
    expect(own.risks.map((r) => r.kind)).toEqual(["resting_hr_elevated"]);
    const fromScores = await context(days, scores);
    await risksStage.run(fromScores);
    expect(fromScores.risks).toEqual([]);
  });
});
