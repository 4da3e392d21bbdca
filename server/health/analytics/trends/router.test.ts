import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { updateProfile } from "@/server/account/profile/service";
import { onPlan } from "@/server/account/plans/testing";
import { badRequestFields, callerFor, sessionFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import { rollupDays } from "../../timeseries/rollup";
import { storeBatch } from "../../timeseries/store";
import { emptyBatch, type NormalizedBatch, type NormalizedSample } from "../../types";

/*
 * The trends contract on a real database: buckets ordered by time, values in the user's units,
 * hours and days in the user's zone across both Berlin clock changes of 2026 (CET +01:00 → CEST
 * +02:00 at 02:00 on 03-29, back at 03:00 on 10-25), field errors for bad ranges, and nobody
 * else's data.
 */

const handle = withTestDb();
let counter = 0;

async function user(opts: { units?: "metric" | "imperial"; timeZone?: string } = {}): Promise<SessionUser> {
  const [row] = await handle.db.insert(users).values({ email: `trends-${++counter}@example.com` }).returning();
  // Reads of any range of days: Pro (the free plan's 90 days are tested in server/account/plans).
  await onPlan(handle.db, row!.id, "pro");
  await updateProfile(handle.db, row!.id, { timeZone: opts.timeZone ?? "Europe/Berlin", units: opts.units ?? "metric" });
  return sessionFor(row!);
}

async function store(u: SessionUser, batch: Partial<NormalizedBatch>) {
  const result = await storeBatch(handle.db, { userId: u.id, rawRecordId: null, timeZone: "Europe/Berlin" }, { ...emptyBatch(), ...batch });
  await rollupDays(handle.db, u.id, result.dates);
}

/** Minute heart rate from `startIso` for `hours` hours; the reading of hour h (counted from the start) is 50 + h bpm. No offset on the record: the user's zone decides. */
function minuteHeartRate(startIso: string, hours: number, id: string): NormalizedSample[] {
  const t0 = Date.parse(startIso);
  return Array.from({ length: hours * 60 }, (_, i) => {
    const at = new Date(t0 + i * 60_000);
    return { metric: "heart_rate", start: at, end: at, value: 50 + Math.floor(i / 60), source: "demo", sourceRecordId: id };
  });
}

const reading = (iso: string, value: number): NormalizedSample => ({ metric: "heart_rate", start: new Date(iso), end: new Date(iso), value, source: "demo", sourceRecordId: `hr-${iso}` });

describe("trends.series across daylight-saving changes (Europe/Berlin)", () => {
  it("spring: the local day 2026-03-29 has 23 hours, 02:00 does not exist", async () => {
    const u = await user();
    // Local midnight 03-29 is 23:00 UTC on 03-28; the next midnight (CEST) is 22:00 UTC on 03-29: 23 hours.
    await store(u, {
      samples: [
        ...minuteHeartRate("2026-03-28T23:00:00Z", 23, "spring"),
        reading("2026-03-28T22:30:00Z", 90), // 23:30 CET on 03-28
        reading("2026-03-29T22:30:00Z", 95), // 00:30 CEST on 03-30
      ],
    });
    const trends = callerFor(handle.db, u).trends;
    const hours = await trends.series({ metric: "heart_rate", from: "2026-03-29", to: "2026-03-29", bucket: "hour" });
    expect(hours.buckets).toHaveLength(23);
    // 00:00 and 01:00 on the winter clock, then 03:00 on the summer clock; each hour 60 readings of one value.
    expect(hours.buckets.slice(0, 4).map((b) => [b.key, b.count, b.avg])).toEqual([
      ["2026-03-29T00:00+01:00", 60, 50],
      ["2026-03-29T01:00+01:00", 60, 51],
      ["2026-03-29T03:00+02:00", 60, 52],
      ["2026-03-29T04:00+02:00", 60, 53],
    ]);
    expect(hours.buckets.at(-1)).toMatchObject({ key: "2026-03-29T23:00+02:00", avg: 72 });

    const days = await trends.series({ metric: "heart_rate", from: "2026-03-28", to: "2026-03-30", bucket: "day" });
    // 03-29: 23 × 60 = 1,380 readings; mean of 50…72 = 61; the lone readings land on their own local days.
    expect(days.buckets).toEqual([
      { key: "2026-03-28", avg: 90, min: 90, max: 90, sum: 90, count: 1, readings: 1 },
      { key: "2026-03-29", avg: 61, min: 50, max: 72, sum: 61, count: 1, readings: 1380 },
      { key: "2026-03-30", avg: 95, min: 95, max: 95, sum: 95, count: 1, readings: 1 },
    ]);
    expect(days).toMatchObject({ unit: "bpm", timeZone: "Europe/Berlin", headline: "avg", additive: false });
  });

  it("autumn: the local day 2026-10-25 has 25 hours, 02:00 comes twice", async () => {
    const u = await user();
    // Local midnight 10-25 is 22:00 UTC on 10-24 (CEST); the next (CET) is 23:00 UTC on 10-25: 25 hours.
    await store(u, { samples: minuteHeartRate("2026-10-24T22:00:00Z", 25, "autumn") });
    const trends = callerFor(handle.db, u).trends;
    const hours = await trends.series({ metric: "heart_rate", from: "2026-10-25", to: "2026-10-25", bucket: "hour" });
    expect(hours.buckets).toHaveLength(25);
    // In time order: 02:00 summer time, then 02:00 winter time an hour later.
    expect(hours.buckets.slice(1, 5).map((b) => [b.key, b.avg])).toEqual([
      ["2026-10-25T01:00+02:00", 51],
      ["2026-10-25T02:00+02:00", 52],
      ["2026-10-25T02:00+01:00", 53],
      ["2026-10-25T03:00+01:00", 54],
    ]);
    const days = await trends.series({ metric: "heart_rate", from: "2026-10-24", to: "2026-10-26", bucket: "day" });
    // 25 × 60 = 1,500 readings; mean of 50…74 = 62; nothing spills onto 10-24 or 10-26.
    expect(days.buckets).toEqual([{ key: "2026-10-25", avg: 62, min: 50, max: 74, sum: 62, count: 1, readings: 1500 }]);
    // The week of Monday 10-19 holds that one day.
    const weeks = await trends.series({ metric: "heart_rate", from: "2026-10-01", to: "2026-10-31", bucket: "week" });
    expect(weeks.buckets.map((b) => [b.key, b.readings])).toEqual([["2026-10-19", 1500]]);
  });
});

describe("trends.series in the user's units", () => {
  it("converts day rows to imperial, and a week of steps is its mean day", async () => {
    const u = await user({ units: "imperial" });
    const row = (localDate: string, values: Record<string, number>) => ({ userId: u.id, localDate, values, sources: Object.fromEntries(Object.keys(values).map((k) => [k, "demo"])) });
    await handle.db.insert(dailySummaries).values([
      row("2026-06-02", { weight: 70, distance: 8046.72, temperature_deviation: -0.2, steps: 9000, sleep_asleep_seconds: 27_000 }),
      row("2026-06-01", { weight: 71, distance: 1609.344, temperature_deviation: 0.5, steps: 5000, sleep_asleep_seconds: 25_200 }),
      row("2026-06-08", { steps: 7000 }),
    ]);
    const trends = callerFor(handle.db, u).trends;
    const series = (metric: "weight" | "distance" | "temperature_deviation" | "steps" | "sleep_asleep_seconds", bucket: "day" | "week" = "day") =>
      trends.series({ metric, from: "2026-06-01", to: "2026-06-30", bucket });

    // 71 kg / 0.45359237 = 156.5282 lb; 70 kg = 154.3236 lb. Ordered by day whatever the insert order.
    const weight = await series("weight");
    expect(weight.unit).toBe("lb");
    expect(weight.buckets.map((b) => [b.key, b.avg])).toEqual([
      ["2026-06-01", 156.5282],
      ["2026-06-02", 154.3236],
    ]);
    // 1,609.344 m = 1 mi; 8,046.72 m = 5 mi.
    expect((await series("distance")).buckets.map((b) => b.avg)).toEqual([1, 5]);
    // Deviations: +0.5 °C = +0.9 °F, −0.2 °C = −0.36 °F (scaled, not shifted by 32).
    const temperature = await series("temperature_deviation");
    expect([temperature.unit, ...temperature.buckets.map((b) => b.avg)]).toEqual(["°F", 0.9, -0.36]);
    // Sleep in hours: 25,200 s = 7 h, 27,000 s = 7.5 h.
    expect((await series("sleep_asleep_seconds")).buckets.map((b) => b.avg)).toEqual([7, 7.5]);
    // Week of 06-01: (5,000 + 9,000) / 2 = 7,000 a day, 14,000 in all; week of 06-08: one day of 7,000.
    const weeks = await series("steps", "week");
    expect(weeks.buckets).toEqual([
      { key: "2026-06-01", avg: 7000, min: 5000, max: 9000, sum: 14_000, count: 2, readings: null },
      { key: "2026-06-08", avg: 7000, min: 7000, max: 7000, sum: 7000, count: 1, readings: null },
    ]);
  });

  it("charts the energy score from its stored rows, by month", async () => {
    const u = await user();
    await handle.db.insert(energyScores).values([
      { userId: u.id, localDate: "2026-05-31", state: "scored", score: 60 },
      { userId: u.id, localDate: "2026-06-01", state: "scored", score: 70 },
      { userId: u.id, localDate: "2026-06-02", state: "scored", score: 80 },
      { userId: u.id, localDate: "2026-06-03", state: "calibrating", score: null },
    ]);
    const months = await callerFor(handle.db, u).trends.series({ metric: "score", from: "2026-05-01", to: "2026-06-30", bucket: "month" });
    expect(months.buckets.map((b) => [b.key, b.avg, b.count])).toEqual([
      ["2026-05", 60, 1],
      ["2026-06", 75, 2], // (70 + 80) / 2; the calibrating day has no score
    ]);
  });

  it("answers bad ranges with the field, never another user's data, and nobody signed out", async () => {
    const alice = await user();
    const bob = await user();
    await handle.db.insert(dailySummaries).values({ userId: bob.id, localDate: "2026-06-01", values: { steps: 1234 }, sources: { steps: "demo" } });
    const trends = callerFor(handle.db, alice).trends;
    expect((await trends.series({ metric: "steps", from: "2026-06-01", to: "2026-06-30", bucket: "day" })).buckets).toEqual([]);
    expect(await badRequestFields(trends.series({ metric: "steps", from: "2026-06-10", to: "2026-06-01", bucket: "day" }))).toEqual(["to"]);
    expect(await badRequestFields(trends.series({ metric: "steps", from: "2025-01-01", to: "2026-06-01", bucket: "day" }))).toEqual(["to"]);
    // Hours: 31 days at most (06-01 to 07-01 is 31 days inclusive; 07-02 one too many).
    expect((await trends.series({ metric: "heart_rate", from: "2026-06-01", to: "2026-07-01", bucket: "hour" })).buckets).toEqual([]);
    expect(await badRequestFields(trends.series({ metric: "heart_rate", from: "2026-06-01", to: "2026-07-02", bucket: "hour" }))).toEqual(["to"]);
    expect(await badRequestFields(trends.series({ metric: "sleep_efficiency", from: "2026-06-01", to: "2026-06-02", bucket: "hour" }))).toEqual(["bucket"]);
    expect(await badRequestFields(trends.series({ metric: "mood" as "steps", from: "2026-06-01", to: "2026-06-02", bucket: "day" }))).toEqual(["metric"]);
    await expect(callerFor(handle.db, null).trends.series({ metric: "steps", from: "2026-06-01", to: "2026-06-02", bucket: "day" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
