import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { NO_ORIGIN, seriesChunks } from "@/db/schema";
import { AppError } from "@/server/errors";
import { isValidTimeZone } from "@/server/account/profile/inputs";
import { addDays, localDate } from "../local-date";
import { providerRanking } from "./priority";
import { METRIC_UNITS, type Metric } from "../types";
import { METRIC_CODES, metricOfCode, unpackChunk } from "./codec";

export const SERIES_BUCKETS = ["none", "hour", "day", "week", "month"] as const;
export type SeriesBucketSize = (typeof SERIES_BUCKETS)[number];

export interface SeriesQuery {
  userId: string;
  metric: Metric;
  /** Start of the range (inclusive). */
  from: Date;
  /** End of the range (exclusive). */
  to: Date;
  /**
   * none/hour: the points whose start lies in [from, to). day/week/month: the local days from the
   * date of `from` to the date of `to` in `timeZone` (each point counts on its record's own local day).
   */
  bucket: SeriesBucketSize;
  /** The user's IANA zone: which local days the range covers. */
  timeZone: string;
}

export interface SeriesBucket {
  /**
   * none: the point's local time with its offset (2026-06-10T08:01:00+02:00); hour: the local hour
   * (2026-06-10T08:00+02:00); day: 2026-06-10; week: its Monday; month: 2026-06.
   */
  key: string;
  /** The source counted: the user's highest-priority provider with data in the bucket. */
  source: string;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
}

interface Stats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

const DAY_MS = 86_400_000;
const MAX_POINT_RANGE_MS = 400 * DAY_MS;

function validate(q: SeriesQuery): void {
  if (!(q.metric in METRIC_UNITS)) throw AppError.field("metric", "Choose a known metric.");
  if (!SERIES_BUCKETS.includes(q.bucket)) throw AppError.field("bucket", "Bucket by none, hour, day, week or month.");
  if (!(q.from instanceof Date) || Number.isNaN(q.from.getTime())) throw AppError.field("from", "Give the start of the range as a date.");
  if (!(q.to instanceof Date) || Number.isNaN(q.to.getTime())) throw AppError.field("to", "Give the end of the range as a date.");
  if (q.to <= q.from) throw AppError.field("to", "The end of the range must come after its start.");
  if ((q.bucket === "none" || q.bucket === "hour") && q.to.getTime() - q.from.getTime() > MAX_POINT_RANGE_MS) {
    throw AppError.field("to", "Points and hours can be read for up to 400 days at a time.");
  }
  if (!isValidTimeZone(q.timeZone)) throw AppError.field("timeZone", "Choose a time zone from the list.");
}

const pad = (n: number) => String(n).padStart(2, "0");

const dayNames = new Map<number, string>();

/** Local wall-clock time of an instant at an offset, with the offset: 2026-06-10T08:00+02:00 (runs per bucket). */
function localStamp(ms: number, offsetMinutes: number, withSeconds: boolean): string {
  const local = ms + offsetMinutes * 60_000;
  const day = Math.floor(local / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 20_000) dayNames.clear();
    dayNames.set(day, name);
  }
  const secondOfDay = Math.floor((local - day * DAY_MS) / 1000);
  const time = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}${withSeconds ? `:${pad(secondOfDay % 60)}` : ""}`;
  const abs = Math.abs(offsetMinutes);
  return `${name}T${time}${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function dayBucketKey(day: string, bucket: "day" | "week" | "month"): string {
  return bucket === "day" ? day : bucket === "week" ? mondayOf(day) : day.slice(0, 7);
}

/** Per bucket and source, the merged stats; then per bucket the best-ranked source's. Labels are made once per bucket. */
class BucketTable<K extends number | string> {
  private readonly byKey = new Map<K, { offset: number; sources: Map<string, Stats> }>();

  constructor(private readonly label: (key: K, offsetMinutes: number) => string) {}

  add(key: K, offsetMinutes: number, source: string, stats: Stats): void {
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { offset: offsetMinutes, sources: new Map() }));
    const current = entry.sources.get(source);
    if (!current) entry.sources.set(source, { ...stats });
    else {
      current.count += stats.count;
      current.sum += stats.sum;
      current.min = Math.min(current.min, stats.min);
      current.max = Math.max(current.max, stats.max);
    }
  }

  resolve(rank: (source: string) => number): SeriesBucket[] {
    const keys = [...this.byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return keys.map((key) => {
      const { offset, sources } = this.byKey.get(key)!;
      const [source, s] = sources.size === 1 ? sources.entries().next().value! : [...sources].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))[0]!;
      return { key: this.label(key, offset), source, count: s.count, sum: s.sum, avg: s.sum / s.count, min: s.min, max: s.max };
    });
  }
}

/** Days, weeks and months come from the chunks' summaries: a year is a few hundred rows. */
async function dayBuckets(db: Database, q: SeriesQuery, bucket: "day" | "week" | "month", table: BucketTable<string>) {
  const rows = await db
    .select({
      localDate: seriesChunks.localDate,
      source: seriesChunks.source,
      count: sql<number>`sum(${seriesChunks.count})::int`,
      sum: sql<number>`sum(${seriesChunks.sum})::float8`,
      min: sql<number>`min(${seriesChunks.min})`.mapWith(Number),
      max: sql<number>`max(${seriesChunks.max})`.mapWith(Number),
    })
    .from(seriesChunks)
    .where(
      and(
        eq(seriesChunks.userId, q.userId),
        eq(seriesChunks.metric, METRIC_CODES[q.metric]),
        gte(seriesChunks.localDate, localDate(q.from, null, q.timeZone)),
        lte(seriesChunks.localDate, localDate(new Date(q.to.getTime() - 1), null, q.timeZone)),
      ),
    )
    .groupBy(seriesChunks.localDate, seriesChunks.source);
  for (const r of rows) table.add(dayBucketKey(r.localDate, bucket), 0, r.source, { count: r.count, sum: r.sum, min: r.min, max: r.max });
}

/** The chunks that may hold points in [from, to): local days lie within a day of their UTC date. */
function chunksInRange(q: SeriesQuery): SQL | undefined {
  return and(
    eq(seriesChunks.userId, q.userId),
    eq(seriesChunks.metric, METRIC_CODES[q.metric]),
    gte(seriesChunks.localDate, addDays(q.from.toISOString().slice(0, 10), -1)),
    lte(seriesChunks.localDate, addDays(q.to.toISOString().slice(0, 10), 1)),
  );
}

/**
 * Hours in the points' own offset. Chunks lying wholly inside the range read their hourly
 * summaries; the others (few points, or cut by the range) are aggregated from their points.
 */
async function hourBuckets(db: Database, q: SeriesQuery, table: BucketTable<number>) {
  const t = seriesChunks;
  const baseMs = sql`(extract(epoch from ${t.baseAt}) * 1000)::float8`;
  const inside = sql`${t.firstAt} >= ${q.from} and ${t.lastAt} < ${q.to}`;
  const at = sql`${t.baseAt} + p.o * interval '1 millisecond'`;
  const rows = (await db.execute(sql`
    select ${t.source} as source, ${t.utcOffsetMinutes} as "offset", ${baseMs} + (h.i - 1) * 3600000 as "startMs",
      h.c as count, h.s as sum, h.mn as min, h.mx as max
    from ${t} cross join lateral unnest(${t.hourCounts}, ${t.hourSums}, ${t.hourMins}, ${t.hourMaxs}) with ordinality as h(c, s, mn, mx, i)
    where ${chunksInRange(q)} and ${t.hourCounts} is not null and ${inside} and h.c > 0
    union all
    select ${t.source}, ${t.utcOffsetMinutes}, ${baseMs} + (p.o / 3600000) * 3600000,
      count(*)::int, sum(p.v)::float8, min(p.v), max(p.v)
    from ${t} cross join lateral unnest(${t.offsets}, ${t.values}) as p(o, v)
    where ${chunksInRange(q)} and ${t.lastAt} >= ${q.from} and ${t.firstAt} < ${q.to}
      and (${t.hourCounts} is null or not (${inside}))
      and (${inside} or (${at} >= ${q.from} and ${at} < ${q.to}))
    group by 1, 2, 3
  `)) as unknown as { rows?: HourRow[] } | HourRow[];
  for (const r of Array.isArray(rows) ? rows : (rows.rows ?? [])) {
    table.add(Number(r.startMs), r.offset, r.source, { count: r.count, sum: r.sum, min: Number(r.min), max: Number(r.max) });
  }
}

interface HourRow {
  source: string;
  offset: number;
  startMs: number | string;
  count: number;
  sum: number;
  min: number | string;
  max: number | string;
}

/** Raw points; the source is chosen per local day so a series never interleaves two providers. */
async function pointBuckets(db: Database, q: SeriesQuery, table: BucketTable<number>, rank: (source: string) => number) {
  const points = (await readPoints(db, q)).filter((p) => p.start >= q.from && p.start < q.to);
  const best = new Map<string, string>();
  for (const p of points) {
    const chosen = best.get(p.localDate);
    if (chosen === undefined || rank(p.source) < rank(chosen)) best.set(p.localDate, p.source);
  }
  for (const p of points) {
    if (best.get(p.localDate) !== p.source) continue;
    table.add(p.start.getTime(), p.utcOffsetMinutes, p.source, { count: 1, sum: p.value, min: p.value, max: p.value });
  }
}

/**
 * The one read path of the time series (trends, analytics): one metric over a range, bucketed by
 * hour (the record's local hour), day (the record's local day), week (from Monday), month or not
 * at all, with count/sum/avg/min/max per bucket from the user's highest-priority source in it.
 */
export async function querySeries(db: Database, q: SeriesQuery): Promise<SeriesBucket[]> {
  validate(q);
  const rank = await providerRanking(db, q.userId);
  if (q.bucket === "day" || q.bucket === "week" || q.bucket === "month") {
    const days = new BucketTable<string>((key) => key);
    await dayBuckets(db, q, q.bucket, days);
    return days.resolve(rank);
  }
  const instants = new BucketTable<number>((ms, offset) => localStamp(ms, offset, q.bucket === "none"));
  if (q.bucket === "none") await pointBuckets(db, q, instants, rank);
  else await hourBuckets(db, q, instants);
  return instants.resolve(rank);
}

export interface StoredPoint {
  metric: Metric;
  source: string;
  start: Date;
  end: Date;
  value: number;
  localDate: string;
  utcOffsetMinutes: number;
  device: string | null;
  /** The raw record the point came from; null for file imports. */
  origin: string | null;
}

/** Every stored point of a user (optionally one metric, near a range), every source, in time order. */
export async function readPoints(db: Database, q: { userId: string; metric?: Metric; from?: Date; to?: Date }): Promise<StoredPoint[]> {
  const chunks = await db
    .select()
    .from(seriesChunks)
    .where(
      and(
        eq(seriesChunks.userId, q.userId),
        q.metric ? inArray(seriesChunks.metric, [METRIC_CODES[q.metric]]) : undefined,
        q.from ? gte(seriesChunks.localDate, addDays(q.from.toISOString().slice(0, 10), -1)) : undefined,
        q.to ? lte(seriesChunks.localDate, addDays(q.to.toISOString().slice(0, 10), 1)) : undefined,
      ),
    )
    .orderBy(asc(seriesChunks.metric), asc(seriesChunks.localDate));
  return chunks.flatMap((c) =>
    unpackChunk(c).map((p) => ({
      metric: metricOfCode(c.metric),
      source: c.source,
      start: new Date(p.start),
      end: new Date(p.end),
      value: p.value,
      localDate: c.localDate,
      utcOffsetMinutes: c.utcOffsetMinutes,
      device: c.device,
      origin: c.origin === NO_ORIGIN ? null : c.origin,
    })),
  ).sort((a, b) => a.start.getTime() - b.start.getTime());
}

export interface DayAggregate {
  localDate: string;
  metric: Metric;
  source: string;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
  /** Value of the day's latest point. */
  last: number;
}

/** Per local day, metric and source: the aggregates the daily rollup picks from (chunk summaries only). */
export async function dailyAggregates(db: Database, userId: string, days: string[]): Promise<DayAggregate[]> {
  const rows = await db
    .select({
      localDate: seriesChunks.localDate,
      metric: seriesChunks.metric,
      source: seriesChunks.source,
      count: sql<number>`sum(${seriesChunks.count})::int`,
      sum: sql<number>`sum(${seriesChunks.sum})::float8`,
      min: sql<number>`min(${seriesChunks.min})::float8`,
      max: sql<number>`max(${seriesChunks.max})::float8`,
      last: sql<number>`(array_agg(${seriesChunks.lastValue} order by ${seriesChunks.lastAt} desc))[1]::float8`,
    })
    .from(seriesChunks)
    .where(
      and(
        eq(seriesChunks.userId, userId),
        // Every metric code listed lets the primary key (user, metric, local_date) serve the scan.
        inArray(seriesChunks.metric, Object.values(METRIC_CODES)),
        inArray(seriesChunks.localDate, days),
      ),
    )
    .groupBy(seriesChunks.localDate, seriesChunks.metric, seriesChunks.source);
  return rows.map((r) => ({ ...r, metric: metricOfCode(r.metric), avg: r.sum / r.count }));
}
