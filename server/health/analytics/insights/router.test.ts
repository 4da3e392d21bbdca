import { describe, expect, it } from "vitest";
import { correlations, dailySummaries, energyScores, forecastAccuracy, forecasts, riskFlags } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { badRequestFields, callerFor } from "@/server/testing";
import { encodeCursor } from "@/server/pagination";
import { addDays, localDate } from "../../local-date";
import { readForecasts } from "./forecast";
import { correlationRow, insertUser, riskRow, scoreRow } from "./testing/rows";

const handle = withTestDb();

/** Reads of any range of days: the users are on Pro (the free plan's 90 days are tested in server/account/plans). */
async function proUser(email: string) {
  const user = await insertUser(handle.db, email);
  await onPlan(handle.db, user.id, "pro");
  return user;
}

describe("insights router", () => {
  it("dashboard: the caller's own view, and refuses anonymous callers", async () => {
    const alice = await proUser("alice-ins@example.com");
    const bob = await proUser("bob-ins@example.com");
    const today = localDate(new Date(), null, "UTC");
    await handle.db.insert(energyScores).values([scoreRow(alice.id, today, 77), scoreRow(bob.id, today, 42)]);
    const view = await callerFor(handle.db, alice).insights.dashboard();
    expect(view.latest).toMatchObject({ localDate: today, score: 77, status: "good" });
    expect(view.trend).toEqual([{ localDate: today, state: "scored", score: 77, status: "good" }]);
    await expect(callerFor(handle.db, null).insights.dashboard()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("correlations: significant only by default, by q; all of them on request; pages that neither skip nor repeat", async () => {
    const alice = await proUser("carol-ins@example.com");
    const bob = await proUser("dan-ins@example.com");
    await handle.db.insert(correlations).values([
      correlationRow(alice.id, "steps", "sleep_asleep_seconds", 0, 0.03),
      correlationRow(alice.id, "sleep_asleep_seconds", "hrv_rmssd", 1, 0.001),
      correlationRow(alice.id, "steps", "hrv_rmssd", 1, 0.02),
      correlationRow(alice.id, "steps", "score", 2, 0.4),
      correlationRow(alice.id, "score", "steps", 3, 0.2),
      correlationRow(bob.id, "steps", "score", 0, 0.0001),
    ]);
    const caller = callerFor(handle.db, alice);
    const significant = await caller.insights.correlations({});
    expect(significant.items.map((c) => c.qValue)).toEqual([0.001, 0.02, 0.03]);
    expect(significant.items[0]).toMatchObject({ x: "sleep_asleep_seconds", y: "hrv_rmssd", lag: 1, n: 41, strength: "moderate", significant: true, sentence: "sleep_asleep_seconds and hrv_rmssd, 1 days apart; n = 41" });
    expect(significant.nextCursor).toBeNull();
    expect(significant.summary).toEqual({ computedOn: "2026-06-10", tested: 5, significant: 3 });

    // All five, significant first, two at a time: 0.001 0.02 | 0.03 0.2 | 0.4.
    const seen: number[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.insights.correlations>> = await caller.insights.correlations({ significantOnly: false, limit: 2, cursor });
      seen.push(page.items.map((c) => c.qValue));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([[0.001, 0.02], [0.03, 0.2], [0.4]]);
    expect((await callerFor(handle.db, bob).insights.correlations({})).items.map((c) => c.x)).toEqual(["steps"]);
  });

  it("correlations: a cursor that is not one of ours, or of another list, is a 400 naming cursor", async () => {
    const user = await proUser("erin-ins@example.com");
    const caller = callerFor(handle.db, user);
    expect(await badRequestFields(caller.insights.correlations({ cursor: "not-a-cursor" }))).toEqual(["cursor"]);
    expect(await badRequestFields(caller.insights.correlations({ cursor: encodeCursor(new Date(), crypto.randomUUID()) }))).toEqual(["cursor"]);
    expect(await badRequestFields(caller.insights.correlations({ limit: 101 }))).toEqual(["limit"]);
  });

  it("risks and scores: a range, newest risks first, the caller's only; bad ranges are 400s with the field", async () => {
    const alice = await proUser("fay-ins@example.com");
    const bob = await proUser("gus-ins@example.com");
    await handle.db.insert(riskFlags).values([
      riskRow(alice.id, "2026-05-01", "sleep_debt", "moderate"),
      riskRow(alice.id, "2026-05-20", "hrv_suppressed", "low"),
      riskRow(alice.id, "2026-05-20", "resting_hr_elevated", "high"),
      riskRow(alice.id, "2026-06-02", "sleep_debt", "high"),
      riskRow(bob.id, "2026-05-21", "temperature_deviation", "high"),
    ]);
    await handle.db.insert(energyScores).values([scoreRow(alice.id, "2026-05-03", 80), scoreRow(alice.id, "2026-05-02", 70), scoreRow(bob.id, "2026-05-02", 10)]);
    const caller = callerFor(handle.db, alice);
    const risks = await caller.insights.risks({ from: "2026-05-10", to: "2026-06-30" });
    expect(risks.map((r) => [r.localDate, r.kind])).toEqual([
      ["2026-06-02", "sleep_debt"],
      ["2026-05-20", "hrv_suppressed"],
      ["2026-05-20", "resting_hr_elevated"],
    ]);
    expect(risks[2]).toMatchObject({ severity: "high", evidence: { rule: "resting HR ≥ 2 SD above normal on 2 days running" } });
    expect((await caller.insights.scores({ from: "2026-05-01", to: "2026-05-31" })).map((s) => [s.localDate, s.score])).toEqual([
      ["2026-05-02", 70],
      ["2026-05-03", 80],
    ]);

    expect(await badRequestFields(caller.insights.risks({ from: "2026-06-10", to: "2026-06-01" }))).toEqual(["to"]);
    expect(await badRequestFields(caller.insights.scores({ from: "2024-01-01", to: "2026-01-01" }))).toEqual(["to"]);
    expect(await badRequestFields(caller.insights.scores({ from: "2026-02-30", to: "2026-03-01" }))).toEqual(["from"]);
    await expect(callerFor(handle.db, null).insights.scores({ from: "2026-05-01", to: "2026-05-31" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("forecast: the next days of the newest forecast, 30 days of truth beside the day-before forecasts, and the track record", async () => {
    const alice = await proUser("hal-ins@example.com");
    const bob = await proUser("ivy-ins@example.com");
    const today = "2026-06-10";
    const made = (metric: string, madeOn: string, targetDate: string, predicted: number) => ({
      userId: alice.id,
      metric,
      madeOn,
      targetDate,
      horizon: (Date.parse(targetDate) - Date.parse(madeOn)) / 86_400_000,
      predicted,
      low: predicted - 5,
      high: predicted + 5,
    });
    await handle.db.insert(forecasts).values([
      // The newest score forecast (made today) for the 11th and 12th; an older one for the 11th is not "next".
      made("score", today, "2026-06-11", 71),
      made("score", today, "2026-06-12", 72),
      made("score", "2026-06-09", "2026-06-11", 60),
      made("score", "2026-06-09", "2026-06-10", 69),
      made("score", "2026-05-01", "2026-05-02", 50),
      made("resting_heart_rate", "2026-06-08", "2026-06-09", 55),
      { ...made("score", today, "2026-06-11", 10), userId: bob.id },
    ]);
    await handle.db.insert(forecastAccuracy).values({ userId: alice.id, metric: "score", computedOn: today, n: 30, meanAbsoluteError: 4.1, coverage: 0.83, nominalCoverage: 0.8 });
    await handle.db.insert(energyScores).values([scoreRow(alice.id, "2026-06-10", 66), scoreRow(alice.id, "2026-05-12", 64), scoreRow(alice.id, "2026-05-11", 1)]);
    await handle.db.insert(dailySummaries).values({ userId: alice.id, localDate: "2026-06-09", values: { resting_heart_rate: 57, steps: 100 } });

    const all = await readForecasts(handle.db, alice.id, today);
    expect(all.map((f) => f.metric)).toEqual(["score", "hrv_rmssd", "resting_heart_rate", "sleep_asleep_seconds"]);
    const score = all[0]!;
    expect(score.madeOn).toBe(today);
    expect(score.next).toEqual([
      { date: "2026-06-11", horizon: 1, predicted: 71, low: 66, high: 76 },
      { date: "2026-06-12", horizon: 2, predicted: 72, low: 67, high: 77 },
    ]);
    // 30 days ending today: 10 in June and 20 in May, 12…31 May (11 May, with its score of 1, is outside).
    expect(score.history).toHaveLength(30);
    expect(score.history[0]).toEqual({ date: "2026-05-12", actual: 64, predicted: null, low: null, high: null });
    expect(score.history[29]).toEqual({ date: today, actual: 66, predicted: 69, low: 64, high: 74 });
    expect(score.accuracy).toEqual({ computedOn: today, n: 30, meanAbsoluteError: 4.1, coverage: 0.83, nominalCoverage: 0.8 });
    const rhr = all[2]!;
    // Made on the 8th for the 9th: that is history now, not a next day.
    expect(rhr.next).toEqual([]);
    expect(rhr.history.find((d) => d.date === "2026-06-09")).toEqual({ date: "2026-06-09", actual: 57, predicted: 55, low: 50, high: 60 });
    expect(all[1]).toMatchObject({ madeOn: null, next: [], accuracy: null });

    const theirs = await readForecasts(handle.db, bob.id, today);
    expect(theirs[0]!.next.map((p) => p.predicted)).toEqual([10]);
    expect(theirs[0]!.accuracy).toBeNull();

    // The procedure reads the same on the caller's local today (UTC without a profile).
    const viaCaller = await callerFor(handle.db, alice).insights.forecast();
    expect(viaCaller[0]!.history.at(-1)!.date).toBe(localDate(new Date(), null, "UTC"));
    expect(viaCaller[0]!.history[0]!.date).toBe(addDays(localDate(new Date(), null, "UTC"), -29));
  });
});
