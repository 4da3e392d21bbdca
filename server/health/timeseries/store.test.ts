import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dailySummaries, providerPriorities, rawRecords, sleepSessions, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { ingestRecords } from "../ingestion/ingest";
import { removeDerivedRows, storeBatch } from "./store";
import { rollupDays } from "./rollup";
import { readPoints } from "./read";
import { upsertRawRecord } from "../ingestion/raw-records";
import { emptyBatch, type NormalizedBatch, type NormalizedSample } from "../types";

const handle = withTestDb();
let userId: string;

beforeEach(async () => {
  const [user] = await handle.db.insert(users).values({ email: `u${Math.random()}@example.com` }).returning();
  userId = user!.id;
});

function hr(source: "oura" | "demo", minute: number, value: number): NormalizedSample {
  const start = new Date(Date.UTC(2026, 5, 10, 8, minute));
  return { metric: "heart_rate", start, end: start, value, source, sourceRecordId: `${source}-day-1`, utcOffsetMinutes: 120 };
}

function batchOf(samplesIn: NormalizedSample[], extra: Partial<NormalizedBatch> = {}): NormalizedBatch {
  return { ...emptyBatch(), samples: samplesIn, ...extra };
}

async function ingest(source: string, recordId: string, payload: unknown, batch: NormalizedBatch, revisionAt?: Date) {
  const outcome = await upsertRawRecord(handle.db, { userId, source, recordType: "daily", recordId, payload, revisionAt });
  if (outcome.status === "unchanged") return outcome;
  const dates = outcome.status === "revised" ? await removeDerivedRows(handle.db, outcome.id) : new Set<string>();
  const result = await storeBatch(handle.db, { userId, rawRecordId: outcome.id, timeZone: "UTC" }, batch);
  await rollupDays(handle.db, userId, [...dates, ...result.dates]);
  return outcome;
}

const pointsOf = (id: string) => readPoints(handle.db, { userId: id });
const countSamples = async () => (await pointsOf(userId)).length;

describe("storing normalized data", () => {
  it("delivering the same record 10 times leaves one set of rows", async () => {
    const batch = batchOf([hr("demo", 0, 60), hr("demo", 1, 62), hr("demo", 2, 64)]);
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push((await ingest("demo", "day-1", { v: 1 }, batch)).status);
    expect(outcomes[0]).toBe("new");
    expect(outcomes.slice(1).every((s) => s === "unchanged")).toBe(true);
    expect(await countSamples()).toBe(3);
    // Even bypassing the raw-record check, re-storing the same rows changes nothing.
    await storeBatch(handle.db, { userId, rawRecordId: null, timeZone: "UTC" }, batch);
    expect(await countSamples()).toBe(3);
    const [summary] = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(summary?.values.heart_rate).toBe(62);
  });

  it("a failure after the raw record is kept undoes it, so the retry still stores the rows", async () => {
    const options = { userId, source: "demo", timeZone: "UTC", records: [{ recordId: "day-9", recordType: "daily", payload: { v: 9 } }] };
    const broken = () => {
      throw new Error("normalizer bug");
    };
    await expect(ingestRecords(handle.db, { ...options, normalize: broken })).rejects.toThrow("normalizer bug");
    expect(await handle.db.select().from(rawRecords).where(eq(rawRecords.userId, userId))).toEqual([]);
    const retried = await ingestRecords(handle.db, { ...options, normalize: () => batchOf([hr("demo", 0, 61)]) });
    expect(retried.changed).toBe(1);
    expect(await countSamples()).toBe(1);
  });

  it("a revised record replaces the earlier version; an older revision arriving late is ignored", async () => {
    await ingest("demo", "day-1", { v: 1 }, batchOf([hr("demo", 0, 60), hr("demo", 1, 70)]), new Date("2026-06-10T10:00:00Z"));
    await ingest("demo", "day-1", { v: 2 }, batchOf([hr("demo", 0, 58)]), new Date("2026-06-10T12:00:00Z"));
    expect((await pointsOf(userId)).map((s) => s.value)).toEqual([58]);
    const late = await ingest("demo", "day-1", { v: 1 }, batchOf([hr("demo", 0, 60), hr("demo", 1, 70)]), new Date("2026-06-10T10:00:00Z"));
    expect(late.status).toBe("unchanged");
    expect(await countSamples()).toBe(1);
    const [raw] = await handle.db.select().from(rawRecords).where(eq(rawRecords.userId, userId));
    expect(raw?.payload).toEqual({ v: 2 });
  });

  it("out-of-order deliveries end in the same rows as in order", async () => {
    const records = [0, 1, 2, 3].map((i) => ({ id: `r${i}`, batch: batchOf([{ ...hr("demo", i, 60 + i), sourceRecordId: `r${i}` }]) }));
    for (const r of [...records].reverse()) await ingest("demo", r.id, { id: r.id }, r.batch);
    const reversed = (await pointsOf(userId)).map((s) => [s.start.toISOString(), s.value]).sort();
    const [other] = await handle.db.insert(users).values({ email: `o${Math.random()}@example.com` }).returning();
    const firstUser = userId;
    userId = other!.id;
    for (const r of records) await ingest("demo", r.id, { id: r.id }, r.batch);
    const inOrder = (await pointsOf(userId)).map((s) => [s.start.toISOString(), s.value]).sort();
    expect(inOrder).toEqual(reversed);
    const summaryOf = async (id: string) => (await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, id)))[0]?.values;
    expect(await summaryOf(firstUser)).toEqual(await summaryOf(userId));
  });

  it("when two providers report the same metric, the user's priority decides and both stay stored", async () => {
    await ingest("demo", "d", { a: 1 }, batchOf([hr("demo", 0, 80)]));
    await ingest("oura", "o", { a: 1 }, batchOf([{ ...hr("oura", 0, 50), sourceRecordId: "o" }]));
    let [summary] = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(summary?.sources.heart_rate).toBe("oura");
    expect(summary?.values.heart_rate).toBe(50);
    await handle.db.insert(providerPriorities).values([{ userId, provider: "demo", rank: 1 }, { userId, provider: "oura", rank: 2 }]);
    await rollupDays(handle.db, userId, ["2026-06-10"]);
    [summary] = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(summary?.sources.heart_rate).toBe("demo");
    expect(summary?.values.heart_rate).toBe(80);
    expect(await countSamples()).toBe(2);
  });

  it("a provider's own daily total wins over summing its intraday steps", async () => {
    const step = (minute: number): NormalizedSample => ({ ...hr("demo", minute, 100), metric: "steps" });
    await ingest("demo", "d", { a: 1 }, batchOf([step(0), step(1)], { dailyTotals: [{ metric: "steps", localDate: "2026-06-10", value: 5000, source: "demo", sourceRecordId: "d" }] }));
    const [summary] = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(summary?.values.steps).toBe(5000);
  });

  it("a night crossing a change of UTC offset lands on its wake-up day", async () => {
    // New York, DST starts 2026-03-08 02:00: bed 23:00 EST (-05:00), wake 07:00 EDT (-04:00).
    const night = {
      source: "demo" as const,
      sourceRecordId: "night-dst",
      start: new Date("2026-03-08T04:00:00Z"),
      end: new Date("2026-03-08T11:00:00Z"),
      utcOffsetMinutes: -240,
      isNap: false,
      stages: [],
      totals: { inBedSeconds: 25200, asleepSeconds: 23400 },
    };
    await ingest("demo", "night-dst", { n: 1 }, batchOf([], { sleepSessions: [night] }));
    const [session] = await handle.db.select().from(sleepSessions).where(eq(sleepSessions.userId, userId));
    expect(session?.localDate).toBe("2026-03-08");
    const [summary] = await handle.db
      .select()
      .from(dailySummaries)
      .where(and(eq(dailySummaries.userId, userId), eq(dailySummaries.localDate, "2026-03-08")));
    expect(summary?.values.sleep_asleep_seconds).toBe(23400);
    expect(summary?.values.sleep_efficiency).toBeCloseTo(23400 / 25200, 3);
    expect(summary?.values.sleep_debt_seconds).toBe(8 * 3600 - 23400);
  });

  it("a session the provider files under another day (a late nap) lands on that day", async () => {
    const nap = {
      source: "oura" as const,
      sourceRecordId: "late-nap",
      start: new Date("2026-06-10T17:10:00Z"),
      end: new Date("2026-06-10T17:55:00Z"),
      utcOffsetMinutes: 120,
      isNap: true,
      stages: [],
      totals: { asleepSeconds: 2400 },
      localDate: "2026-06-11",
    };
    await ingest("oura", "late-nap", { n: 1 }, batchOf([], { sleepSessions: [nap] }));
    const [session] = await handle.db.select().from(sleepSessions).where(eq(sleepSessions.userId, userId));
    expect(session?.localDate).toBe("2026-06-11");
    const days = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(days.find((d) => d.localDate === "2026-06-11")?.values.nap_seconds).toBe(2400);
    expect(days.find((d) => d.localDate === "2026-06-10")?.values.nap_seconds).toBeUndefined();
  });
});

describe("the compact time series", () => {
  const imported = (samplesIn: NormalizedSample[]) => storeBatch(handle.db, { userId, rawRecordId: null, timeZone: "UTC" }, batchOf(samplesIn));
  const serving = (occurrence: number, value = 1200): NormalizedSample => {
    const at = new Date("2026-06-10T12:30:00Z");
    return { metric: "energy_intake", start: at, end: at, value, source: "apple_health", sourceRecordId: `food-${value}`, utcOffsetMinutes: 120, occurrence };
  };

  it("keeps two identical servings of one file as two, and a re-import or a newer export adds nothing twice", async () => {
    await imported([serving(0), serving(1)]);
    expect(await countSamples()).toBe(2);
    await imported([serving(0), serving(1)]);
    expect(await countSamples()).toBe(2);
    // A newer export holds the old records plus a third serving and a new one of another value.
    await imported([serving(0), serving(1), serving(2), serving(0, 800)]);
    expect((await pointsOf(userId)).map((p) => p.value).sort((a, b) => a - b)).toEqual([800, 1200, 1200, 1200]);
    await rollupDays(handle.db, userId, ["2026-06-10"]);
    const [rolled] = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(rolled?.values.energy_intake).toBe(4400);
  });

  it("an import arriving in several batches merges into the same day", async () => {
    await imported([hr("demo", 0, 60), hr("demo", 2, 64)]);
    await imported([hr("demo", 1, 62), hr("demo", 2, 64)]);
    expect((await pointsOf(userId)).map((p) => p.value)).toEqual([60, 62, 64]);
  });

  it("a reading repeated inside one record counts once, as the per-sample key had it", async () => {
    await ingest("demo", "dup", { d: 1 }, batchOf([hr("demo", 0, 60), hr("demo", 0, 61), hr("demo", 1, 62)]));
    expect((await pointsOf(userId)).map((p) => p.value)).toEqual([61, 62]);
  });

  it("counts each reading on the local day of its record's offset, or of the user's zone without one", async () => {
    const at = new Date("2026-06-10T20:00:00Z");
    const tokyo: NormalizedSample = { metric: "heart_rate", start: at, end: at, value: 70, source: "demo", sourceRecordId: "t", utcOffsetMinutes: 540 };
    const noOffset: NormalizedSample = { ...tokyo, value: 80, sourceRecordId: "n", utcOffsetMinutes: null };
    const outcome = await upsertRawRecord(handle.db, { userId, source: "demo", recordType: "daily", recordId: "tz", payload: {} });
    const result = await storeBatch(handle.db, { userId, rawRecordId: outcome.id, timeZone: "America/New_York" }, batchOf([tokyo, noOffset]));
    expect([...result.dates].sort()).toEqual(["2026-06-10", "2026-06-11"]);
    const points = await pointsOf(userId);
    expect(points.map((p) => [p.value, p.localDate, p.utcOffsetMinutes]).sort()).toEqual([
      [70, "2026-06-11", 540],
      [80, "2026-06-10", -240],
    ]);
  });

  it("a revision that drops a day removes that day's points and recomputes it", async () => {
    const nextDay = { ...hr("demo", 0, 90), start: new Date("2026-06-11T08:00:00Z"), end: new Date("2026-06-11T08:00:00Z") };
    await ingest("demo", "span", { v: 1 }, batchOf([hr("demo", 0, 60), nextDay]), new Date("2026-06-11T10:00:00Z"));
    await ingest("demo", "span", { v: 2 }, batchOf([hr("demo", 0, 58)]), new Date("2026-06-11T12:00:00Z"));
    expect((await pointsOf(userId)).map((p) => p.value)).toEqual([58]);
    const days = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(days.map((d) => [d.localDate, d.values.heart_rate])).toEqual([["2026-06-10", 58]]);
  });

  it("keeps durations and devices, and a record re-stored as it was changes nothing", async () => {
    const start = new Date("2026-06-10T09:00:00Z");
    const steps: NormalizedSample = { metric: "steps", start, end: new Date(start.getTime() + 600_000), value: 900, source: "demo", sourceRecordId: "s", device: "Ring", utcOffsetMinutes: 120 };
    const outcome = await upsertRawRecord(handle.db, { userId, source: "demo", recordType: "daily", recordId: "steps", payload: {} });
    const target = { userId, rawRecordId: outcome.id, timeZone: "UTC" };
    await storeBatch(handle.db, target, batchOf([steps]));
    await storeBatch(handle.db, target, batchOf([steps]));
    expect(await pointsOf(userId)).toEqual([
      { metric: "steps", source: "demo", start, end: steps.end, value: 900, localDate: "2026-06-10", utcOffsetMinutes: 120, device: "Ring", origin: outcome.id },
    ]);
  });
});
