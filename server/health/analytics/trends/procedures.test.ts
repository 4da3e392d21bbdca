import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { updateProfile } from "@/server/account/profile/service";
import { onPlan } from "@/server/account/plans/testing";
import { badRequestFields, callerFor, sessionFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import { dateRange, localDate } from "../../local-date";
import { rollupDays } from "../../timeseries/rollup";
import { storeBatch } from "../../timeseries/store";
import { emptyBatch, type NormalizedBatch, type NormalizedSleepSession, type NormalizedWorkout, type ProviderId } from "../../types";
import type { Baseline } from "../types";

/* The other trends reads on a real database: nights, workouts, the weekly overview, training load, normal bands. */

const handle = withTestDb();
let counter = 0;

async function user(units: "metric" | "imperial" = "metric", energyUnit: "kcal" | "kJ" = "kcal"): Promise<SessionUser> {
  const [row] = await handle.db.insert(users).values({ email: `trend-reads-${++counter}@example.com` }).returning();
  // Reads of any range of days: Pro (the free plan's 90 days are tested in server/account/plans).
  await onPlan(handle.db, row!.id, "pro");
  await updateProfile(handle.db, row!.id, { timeZone: "Europe/Berlin", units, energyUnit });
  return sessionFor(row!);
}

async function store(u: SessionUser, batch: Partial<NormalizedBatch>) {
  const result = await storeBatch(handle.db, { userId: u.id, rawRecordId: null, timeZone: "Europe/Berlin" }, { ...emptyBatch(), ...batch });
  await rollupDays(handle.db, u.id, result.dates);
}

function night(source: ProviderId, bedIso: string, wakeIso: string, asleepSeconds: number, id = `${source}-${bedIso}`): NormalizedSleepSession {
  const start = new Date(bedIso);
  const end = new Date(wakeIso);
  const mid = new Date((start.getTime() + end.getTime()) / 2);
  return {
    source,
    sourceRecordId: id,
    utcOffsetMinutes: 120,
    start,
    end,
    isNap: false,
    stages: [
      { stage: "light", start, end: mid },
      { stage: "deep", start: mid, end },
    ],
    totals: { inBedSeconds: (end.getTime() - start.getTime()) / 1000, asleepSeconds, latencySeconds: 420 },
  };
}

describe("trends.sleepNights", () => {
  it("lists each night once with its stages, efficiency and debt", async () => {
    const u = await user();
    await store(u, {
      sleepSessions: [
        // 23:00–07:00 Berlin summer time; 7 h asleep of 8 h in bed.
        night("demo", "2026-06-01T21:00:00Z", "2026-06-02T05:00:00Z", 25_200),
        // The same night from Apple Health: oura > … > apple_health > demo by default, so it wins.
        night("apple_health", "2026-06-01T21:10:00Z", "2026-06-02T04:50:00Z", 24_000),
        night("demo", "2026-06-02T22:00:00Z", "2026-06-03T05:30:00Z", 24_300),
      ],
    });
    const result = await callerFor(handle.db, u).trends.sleepNights({ from: "2026-06-01", to: "2026-06-30" });
    expect(result.needSeconds).toBe(8 * 3600);
    expect(result.nights.map((n) => [n.date, n.source, n.asleepSeconds])).toEqual([
      ["2026-06-02", "apple_health", 24_000],
      ["2026-06-03", "demo", 24_300],
    ]);
    const [first, second] = result.nights;
    // 23:10–06:50 is 27,600 s in bed; 24,000 / 27,600 = 0.870; midpoint 03:00 = 180 min; debt 8 h − 24,000 s = 4,800 s.
    expect(first).toMatchObject({ inBedSeconds: 27_600, efficiency: 0.87, midpointMinutes: 180, latencySeconds: 420, debtSeconds: 4800 });
    expect(first!.stages.map((s) => s.stage)).toEqual(["light", "deep"]);
    // The second night adds 28,800 − 24,300 = 4,500 s: 9,300 s over the last 7 nights.
    expect(second!.debtSeconds).toBe(9300);
    expect(await badRequestFields(callerFor(handle.db, u).trends.sleepNights({ from: "2026-01-01", to: "2026-06-30" }))).toEqual(["to"]);
    expect((await callerFor(handle.db, await user()).trends.sleepNights({ from: "2026-06-01", to: "2026-06-30" })).nights).toEqual([]);
  });
});

describe("trends.workouts", () => {
  it("pages through the workouts newest first, one source per day, in the user's units", async () => {
    const u = await user("imperial");
    const workout = (source: ProviderId, startIso: string, minutes: number): NormalizedWorkout => ({
      source,
      sourceRecordId: `${source}-${startIso}`,
      activityType: "running",
      start: new Date(startIso),
      end: new Date(Date.parse(startIso) + minutes * 60_000),
      energyKJ: 2092,
      distanceM: 8046.72,
      avgHeartRate: 150,
      utcOffsetMinutes: 120,
    });
    await store(u, {
      workouts: [
        workout("demo", "2026-06-01T06:00:00Z", 30),
        workout("demo", "2026-06-02T06:00:00Z", 45),
        workout("oura", "2026-06-02T06:01:00Z", 44), // the same run from a better source: the day shows it alone
        workout("demo", "2026-06-03T06:00:00Z", 60),
      ],
    });
    const trends = callerFor(handle.db, u).trends;
    const first = await trends.workouts({ from: "2026-06-01", to: "2026-06-30", limit: 2 });
    expect(first.items.map((w) => [w.date, w.source, w.durationSeconds])).toEqual([
      ["2026-06-03", "demo", 3600],
      ["2026-06-02", "oura", 2640],
    ]);
    // 2,092 kJ = 500 kcal; 8,046.72 m = 5 mi.
    expect(first).toMatchObject({ energyUnit: "kcal", distanceUnit: "mi" });
    expect(first.items[0]).toMatchObject({ energy: 500, distance: 5, avgHeartRate: 150, utcOffsetMinutes: 120 });
    const second = await trends.workouts({ from: "2026-06-01", to: "2026-06-30", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((w) => w.date)).toEqual(["2026-06-01"]);
    expect(second.nextCursor).toBeNull();
    expect((await callerFor(handle.db, await user()).trends.workouts({ from: "2026-06-01", to: "2026-06-30", limit: 10 })).items).toEqual([]);
  });
});

describe("trends.weekly, trends.load, trends.bands", () => {
  it("weekly means and changes from the daily rows and scores", async () => {
    const u = await user();
    const today = localDate(new Date(), null, "Europe/Berlin");
    await handle.db.insert(dailySummaries).values({ userId: u.id, localDate: today, values: { steps: 8000, sleep_asleep_seconds: 25_200 }, sources: {} });
    await handle.db.insert(energyScores).values({ userId: u.id, localDate: today, state: "scored", score: 77 });
    const weekly = await callerFor(handle.db, u).trends.weekly({ weeks: 4 });
    // Only the current week has data: the three before it are left out.
    expect(weekly.weeks).toHaveLength(1);
    const current = weekly.weeks.at(-1)!;
    // Sleep in hours: 25,200 s = 7 h.
    expect(current.figures).toMatchObject({ steps: { avg: 8000, days: 1 }, sleep_asleep_seconds: { avg: 7, days: 1 }, score: { avg: 77, days: 1, change: null } });
    expect(weekly.units.sleep_asleep_seconds.unit).toBe("h");
    expect(await badRequestFields(callerFor(handle.db, u).trends.weekly({ weeks: 53 }))).toEqual(["weeks"]);
  });

  it("training load reads the 27 days before the range", async () => {
    const u = await user();
    // 28 days of 4,184 kJ (1,000 kcal) of active energy, ending 2026-06-28.
    await handle.db.insert(dailySummaries).values(dateRange("2026-06-01", "2026-06-28").map((localDate) => ({ userId: u.id, localDate, values: { active_energy: 4184 }, sources: {} })));
    const load = await callerFor(handle.db, u).trends.load({ from: "2026-06-28", to: "2026-06-28" });
    // In kilojoules for a user who asks for them.
    const joules = await user("metric", "kJ");
    await handle.db.insert(dailySummaries).values(dateRange("2026-06-01", "2026-06-28").map((localDate) => ({ userId: joules.id, localDate, values: { active_energy: 4184 }, sources: {} })));
    const inKj = await callerFor(handle.db, joules).trends.load({ from: "2026-06-28", to: "2026-06-28" });
    expect([inKj.unit, inKj.days[0]!.acute]).toEqual(["kJ", 4184]);
    expect(load).toEqual({
      measure: "active_energy",
      unit: "kcal",
      decimals: 0,
      days: [{ date: "2026-06-28", load: 1000, acute: 1000, chronic: 1000, ratio: 1 }],
      latest: { date: "2026-06-28", ratio: 1, zone: "balanced" },
    });
  });

  it("normal bands as the score stage stored them, converted", async () => {
    const u = await user();
    const baseline: Baseline = { mean: 3600 * 7, sd: 1800, low: 3600 * 6.5, high: 3600 * 7.5, days: 30 };
    await handle.db.insert(energyScores).values([
      { userId: u.id, localDate: "2026-06-02", state: "scored", score: 70, metrics: { sleep_asleep_seconds: { value: 3600 * 6, baseline } } },
      { userId: u.id, localDate: "2026-06-01", state: "calibrating", metrics: { sleep_asleep_seconds: { value: 3600 * 8, baseline: null } } },
    ]);
    const bands = await callerFor(handle.db, u).trends.bands({ metric: "sleep_asleep_seconds", from: "2026-06-01", to: "2026-06-30" });
    // Hours: 7 ± 0.5 (the SD of 1,800 s is half an hour); the calibrating day has no band.
    expect(bands).toEqual({
      metric: "sleep_asleep_seconds",
      unit: "h",
      decimals: 1,
      days: [{ date: "2026-06-02", value: 6, mean: 7, low: 6.5, high: 7.5, sd: 0.5, baselineDays: 30 }],
    });
    expect(await badRequestFields(callerFor(handle.db, u).trends.bands({ metric: "weight" as "steps", from: "2026-06-01", to: "2026-06-30" }))).toEqual(["metric"]);
  });
});
