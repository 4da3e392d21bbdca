import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { forecastAccuracy, forecasts, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { addDays } from "@/server/health/local-date";
import { historyContext } from "../testing/history-context";
import { syntheticHistory } from "../testing/synthetic-history";
import { forecastFrom } from "./forecast";
import { FORECAST_BOUNDS, forecastSeries } from "./series";
import { forecastStage } from "./stage";

const handle = withTestDb();
const TODAY = "2026-05-31";

async function userId(email: string): Promise<string> {
  const [row] = await handle.db.insert(users).values({ email }).returning();
  return row!.id;
}

const stored = (user: string) => handle.db.select().from(forecasts).where(eq(forecasts.userId, user));

describe("forecastStage", () => {
  const history = syntheticHistory({ seed: "forecast-stage", from: "2025-06-01", days: 366 });
  const upTo = (date: string) => ({ days: history.days.filter((d) => d.date <= date), scores: history.scores.filter((d) => d.date <= date) });

  it("backfills 30 days of honest forecasts on the first run, then adds one origin a day", async () => {
    const alice = await userId("alice-fc@example.com");
    await forecastStage.run(historyContext(handle.db, alice, { today: TODAY, ...upTo(TODAY) }));
    const first = await stored(alice);
    // Origins 2026-05-01 … 2026-05-31 (31), 4 metrics, horizons 1–7.
    expect(first).toHaveLength(31 * 4 * 7);
    expect(new Set(first.map((r) => r.madeOn)).size).toBe(31);
    for (const r of first) {
      expect(r.targetDate).toBe(addDays(r.madeOn, r.horizon));
      expect(r.low).toBeLessThanOrEqual(r.predicted);
      expect(r.high).toBeGreaterThanOrEqual(r.predicted);
    }

    // No future data leaks: a backfilled forecast is what the data up to its origin alone gives.
    const origin = "2026-05-12";
    const alone = forecastSeries(upTo(origin).days, upTo(origin).scores);
    for (const metric of ["score", "hrv_rmssd"] as const) {
      const expected = forecastFrom(alone[metric], origin, FORECAST_BOUNDS[metric])!.points;
      const rows = first.filter((r) => r.metric === metric && r.madeOn === origin).sort((a, b) => a.horizon - b.horizon);
      expect(rows.map(({ targetDate, horizon, predicted, low, high }) => ({ targetDate, horizon, predicted, low, high }))).toEqual(expected);
    }

    // The track record: horizon-1 forecasts for 2026-05-02 … 2026-05-31 against the days that have a truth.
    const truths = forecastSeries(history.days, history.scores);
    const accuracy = await handle.db.select().from(forecastAccuracy).where(eq(forecastAccuracy.userId, alice));
    expect(accuracy).toHaveLength(4);
    for (const a of accuracy) {
      const pairs = first
        .filter((r) => r.metric === a.metric && r.horizon === 1 && r.targetDate <= TODAY && truths[a.metric as keyof typeof truths].has(r.targetDate))
        .map((r) => ({ r, truth: truths[a.metric as keyof typeof truths].get(r.targetDate)! }));
      // The earliest origin (2026-05-01) made the first horizon-1 forecast in the window; tomorrow's is not scored yet.
      expect(pairs.every(({ r }) => r.targetDate >= "2026-05-02")).toBe(true);
      expect(a).toMatchObject({ computedOn: TODAY, n: pairs.length, nominalCoverage: 0.8 });
      expect(a.n).toBeGreaterThan(20);
      expect(a.meanAbsoluteError).toBeCloseTo(pairs.reduce((s, { r, truth }) => s + Math.abs(truth - r.predicted), 0) / pairs.length, 9);
      expect(a.coverage).toBeCloseTo(pairs.filter(({ r, truth }) => truth >= r.low && truth <= r.high).length / pairs.length, 9);
    }

    // The same day again replaces today's forecasts; the next day adds only its own.
    await forecastStage.run(historyContext(handle.db, alice, { today: TODAY, ...upTo(TODAY) }));
    expect(await stored(alice)).toHaveLength(31 * 4 * 7);
    await forecastStage.run(historyContext(handle.db, alice, { today: "2026-06-01", ...upTo("2026-06-01") }));
    const second = await stored(alice);
    expect(second).toHaveLength(32 * 4 * 7);
    expect(second.filter((r) => r.madeOn === "2026-06-01")).toHaveLength(28);
    const kept = first.find((r) => r.madeOn === origin && r.metric === "score" && r.horizon === 3)!;
    expect(second.find((r) => r.madeOn === origin && r.metric === "score" && r.horizon === 3)).toEqual(kept);
  });

  it("drops forecasts for days over 60 days ago and makes none from stale data", async () => {
    const bob = await userId("bob-fc@example.com");
    await forecastStage.run(historyContext(handle.db, bob, { today: TODAY, ...upTo(TODAY) }));
    const later = "2026-07-30";
    await forecastStage.run(historyContext(handle.db, bob, { today: later, ...upTo(TODAY) }));
    const rows = await stored(bob);
    // Targets before 2026-05-31 (later − 60) are gone; nothing new from data two months old.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.targetDate >= addDays(later, -60) && r.madeOn <= TODAY)).toBe(true);
    const [score] = await handle.db.select().from(forecastAccuracy).where(and(eq(forecastAccuracy.userId, bob), eq(forecastAccuracy.metric, "score")));
    expect(score).toMatchObject({ computedOn: later, n: 0, meanAbsoluteError: null, coverage: null });
  });

  it("stores nothing for a user without two weeks of data, and says there is no track record", async () => {
    const carol = await userId("carol-fc@example.com");
    await forecastStage.run(historyContext(handle.db, carol, { today: TODAY, ...upTo("2025-06-10") }));
    expect(await stored(carol)).toEqual([]);
    const accuracy = await handle.db.select().from(forecastAccuracy).where(eq(forecastAccuracy.userId, carol));
    expect(accuracy.map((a) => [a.metric, a.n]).sort()).toEqual([
      ["hrv_rmssd", 0],
      ["resting_heart_rate", 0],
      ["score", 0],
      ["sleep_asleep_seconds", 0],
    ]);
  });
});
