import { beforeEach, describe, expect, it } from "vitest";
import { providerPriorities, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { AppError } from "@/server/errors";
import { storeBatch } from "./store";
import { emptyBatch, type NormalizedSample, type ProviderId } from "../types";
import { HOURLY_MIN_POINTS } from "./codec";
import { querySeries, type SeriesQuery } from "./read";

const handle = withTestDb();
let userId: string;

beforeEach(async () => {
  const [user] = await handle.db.insert(users).values({ email: `r${Math.random()}@example.com` }).returning();
  userId = user!.id;
});

function hr(source: ProviderId, iso: string, value: number, utcOffsetMinutes: number): NormalizedSample {
  const at = new Date(iso);
  return { metric: "heart_rate", start: at, end: at, value, source, sourceRecordId: `${source}-hr`, utcOffsetMinutes };
}

/** Minute readings from `iso` on, values from `first` counting up. */
function minutes(source: ProviderId, iso: string, count: number, first: number, offset: number): NormalizedSample[] {
  const t0 = Date.parse(iso);
  return Array.from({ length: count }, (_, i) => hr(source, new Date(t0 + i * 60_000).toISOString(), first + i, offset));
}

const store = (samples: NormalizedSample[]) => storeBatch(handle.db, { userId, rawRecordId: null, timeZone: "Europe/Berlin" }, { ...emptyBatch(), samples });

const query = (overrides: Partial<SeriesQuery>) =>
  querySeries(handle.db, {
    userId,
    metric: "heart_rate",
    from: new Date("2026-06-01T00:00:00Z"),
    to: new Date("2026-07-01T00:00:00Z"),
    bucket: "day",
    timeZone: "Europe/Berlin",
    ...overrides,
  });

describe("querySeries", () => {
  it("buckets by the record's local hour, from hourly summaries and from points alike", async () => {
    // A full chunk (hourly summaries kept) from 08:00 to 09:59 Berlin time, and a sparse one in Tokyo.
    await store(minutes("demo", "2026-06-10T06:00:00Z", 120, 50, 120));
    await store([hr("demo", "2026-06-20T01:10:00Z", 70, 540), hr("demo", "2026-06-20T01:50:00Z", 80, 540)]);
    expect(120).toBeGreaterThanOrEqual(HOURLY_MIN_POINTS);
    const hours = await query({ bucket: "hour" });
    expect(hours).toEqual([
      { key: "2026-06-10T08:00+02:00", source: "demo", count: 60, sum: 60 * 79.5, avg: 79.5, min: 50, max: 109 },
      { key: "2026-06-10T09:00+02:00", source: "demo", count: 60, sum: 60 * 139.5, avg: 139.5, min: 110, max: 169 },
      { key: "2026-06-20T10:00+09:00", source: "demo", count: 2, sum: 150, avg: 75, min: 70, max: 80 },
    ]);
    // A range cutting the full chunk reads its points: only 08:30–09:15 count.
    const cut = await query({ bucket: "hour", from: new Date("2026-06-10T06:30:00Z"), to: new Date("2026-06-10T07:15:00Z") });
    expect(cut.map((b) => [b.key, b.count, b.min, b.max])).toEqual([
      ["2026-06-10T08:00+02:00", 30, 80, 109],
      ["2026-06-10T09:00+02:00", 15, 110, 124],
    ]);
  });

  it("counts a reading on its record's local day on a trip across zones, weeks from Monday, months", async () => {
    // 23:30 in Tokyo on the 14th is 16:30 in Berlin the same day; 01:00 in Tokyo on the 15th is still the 14th in Berlin.
    await store([hr("demo", "2026-06-14T14:30:00Z", 60, 540), hr("demo", "2026-06-14T16:00:00Z", 90, 540), hr("demo", "2026-06-15T08:00:00Z", 75, 120)]);
    const days = await query({ bucket: "day" });
    expect(days.map((d) => [d.key, d.count, d.avg])).toEqual([
      ["2026-06-14", 1, 60],
      ["2026-06-15", 2, 82.5],
    ]);
    const weeks = await query({ bucket: "week" });
    expect(weeks.map((w) => [w.key, w.count])).toEqual([
      ["2026-06-08", 1],
      ["2026-06-15", 2],
    ]);
    const months = await query({ bucket: "month" });
    expect(months).toEqual([{ key: "2026-06", source: "demo", count: 3, sum: 225, avg: 75, min: 60, max: 90 }]);
    const points = await query({ bucket: "none" });
    expect(points.map((p) => [p.key, p.avg])).toEqual([
      ["2026-06-14T23:30:00+09:00", 60],
      ["2026-06-15T01:00:00+09:00", 90],
      ["2026-06-15T10:00:00+02:00", 75],
    ]);
  });

  it("takes each bucket from the highest-priority source that has data in it", async () => {
    await store([hr("demo", "2026-06-10T06:10:00Z", 80, 120), hr("demo", "2026-06-10T07:10:00Z", 82, 120)]);
    await store([hr("oura", "2026-06-10T06:20:00Z", 50, 120)]);
    const hours = await query({ bucket: "hour" });
    expect(hours.map((h) => [h.key, h.source, h.avg])).toEqual([
      ["2026-06-10T08:00+02:00", "oura", 50],
      ["2026-06-10T09:00+02:00", "demo", 82],
    ]);
    expect((await query({ bucket: "day" })).map((d) => [d.source, d.avg])).toEqual([["oura", 50]]);
    await handle.db.insert(providerPriorities).values([{ userId, provider: "demo", rank: 1 }, { userId, provider: "oura", rank: 2 }]);
    expect((await query({ bucket: "day" })).map((d) => [d.source, d.avg])).toEqual([["demo", 81]]);
  });

  it("answers bad input with the field named", async () => {
    const fieldOf = async (overrides: Partial<SeriesQuery>) => {
      const error = await query(overrides).catch((e: unknown) => e);
      return error instanceof AppError ? error.fields?.map((f) => f.path) : error;
    };
    expect(await fieldOf({ metric: "mood" as "heart_rate" })).toEqual(["metric"]);
    expect(await fieldOf({ bucket: "year" as "day" })).toEqual(["bucket"]);
    expect(await fieldOf({ from: new Date("nope") })).toEqual(["from"]);
    expect(await fieldOf({ to: new Date("2026-05-01T00:00:00Z") })).toEqual(["to"]);
    expect(await fieldOf({ bucket: "hour", to: new Date("2028-01-01T00:00:00Z") })).toEqual(["to"]);
    expect(await fieldOf({ timeZone: "Mars/Olympus" })).toEqual(["timeZone"]);
  });
});
