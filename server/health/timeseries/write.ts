import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { NO_ORIGIN, seriesChunks } from "@/db/schema";
import { dateAtOffset, zoneOffsetMinutes } from "../local-date";
import type { NormalizedSample } from "../types";
import { localMidnightMs, METRIC_CODES, packChunk, pointKey, unpackChunk, type Point } from "./codec";

export interface SeriesUser {
  userId: string;
  /** The user's zone, for samples whose record carries no UTC offset. */
  timeZone: string;
}

/** The samples of one raw record (origin = its id), or of a file import (origin null). */
export interface SeriesItem {
  origin: string | null;
  samples: NormalizedSample[];
}

export interface SeriesWriteResult {
  /** Distinct samples received (after collapsing repeats within a record). */
  samples: number;
  /** Local days touched. */
  dates: Set<string>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Rows per upsert statement: a chunk can hold a day of minutes, so keep statements moderate. */
const ROWS_PER_STATEMENT = 100;

type Incoming = Point & { occurrence: number; recordId: string };

interface Group {
  metric: number;
  source: string;
  localDate: string;
  origin: string;
  offset: number;
  baseMs: number;
  device: string | null;
  imported: boolean;
  /** Ordered by start once grouped, repeats collapsed (see collapseRepeats). */
  points: Incoming[];
}

const identity = (g: { metric: number; source: string; localDate: string; origin: string; offset: number }) =>
  `${g.metric}|${g.source}|${g.localDate}|${g.origin}|${g.offset}`;
const dayKey = (g: { metric: number; source: string; localDate: string }) => `${g.metric}|${g.source}|${g.localDate}`;

/** Groups the samples into their chunks; consecutive samples of one chunk skip the lookup. */
function groupSamples(user: SeriesUser, items: SeriesItem[], dates: Set<string>): { groups: Map<string, Group>; received: number } {
  const groups = new Map<string, Group>();
  let last: Group | undefined;
  let zoneHour = NaN;
  let zoneOffset = 0;
  for (const item of items) {
    const origin = item.origin ?? NO_ORIGIN;
    const imported = item.origin === null;
    for (const s of item.samples) {
      const start = s.start.getTime();
      const metric = METRIC_CODES[s.metric];
      let offset = s.utcOffsetMinutes;
      if (offset == null) {
        if (Math.floor(start / HOUR_MS) !== zoneHour) {
          zoneHour = Math.floor(start / HOUR_MS);
          zoneOffset = zoneOffsetMinutes(s.start, user.timeZone);
        }
        offset = zoneOffset;
      }
      let group = last;
      if (
        !group ||
        group.metric !== metric ||
        group.source !== s.source ||
        group.origin !== origin ||
        group.offset !== offset ||
        start < group.baseMs ||
        start >= group.baseMs + DAY_MS
      ) {
        const day = dateAtOffset(s.start, offset);
        const key = identity({ metric, source: s.source, localDate: day, origin, offset });
        group = groups.get(key);
        if (!group) {
          group = { metric, source: s.source, localDate: day, origin, offset, baseMs: localMidnightMs(day, offset), device: s.device ?? null, imported, points: [] };
          groups.set(key, group);
          dates.add(day);
        }
        last = group;
      }
      if ((s.device ?? null) !== group.device) group.device = null;
      group.points.push({ start, end: s.end.getTime(), value: s.value, occurrence: s.occurrence ?? 0, recordId: s.sourceRecordId });
    }
  }
  let received = 0;
  for (const g of groups.values()) {
    g.points = collapseRepeats(g.points, g.imported);
    received += g.points.length;
  }
  return { groups, received };
}

/**
 * Sorts by start and collapses repeats, the last copy winning: within a record, the same start
 * and source record id (as the old per-sample key did); in an import, the same point and occurrence.
 */
function collapseRepeats(points: Incoming[], imported: boolean): Incoming[] {
  points.sort((a, b) => a.start - b.start);
  const out: Incoming[] = [];
  const same = imported
    ? (a: Incoming, b: Incoming) => a.end === b.end && Math.fround(a.value) === Math.fround(b.value) && a.occurrence === b.occurrence
    : (a: Incoming, b: Incoming) => a.recordId === b.recordId;
  let runStart = 0;
  for (const p of points) {
    if (out.length === 0 || out[out.length - 1]!.start !== p.start) runStart = out.length;
    let replaced = false;
    for (let i = runStart; i < out.length; i++) {
      if (same(out[i]!, p)) {
        out[i] = p;
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push(p);
  }
  return out;
}

interface StoredChunk {
  metric: number;
  source: string;
  localDate: string;
  origin: string;
  utcOffsetMinutes: number;
  baseAt: Date;
  offsets: number[];
  durations: number[] | null;
  values: number[];
  device: string | null;
}

/**
 * Import points merge into the day as a multiset: an incoming point with occurrence k is new only
 * while the day (every origin of that source) holds at most k identical points, so re-importing a
 * file, or a newer export containing the old one, adds nothing while two identical servings stay two.
 */
async function mergeImported(db: Database, userId: string, imported: Group[]): Promise<Group[]> {
  const days = [...new Map(imported.map((g) => [dayKey(g), g])).values()];
  const stored = (await db
    .select({
      metric: seriesChunks.metric,
      source: seriesChunks.source,
      localDate: seriesChunks.localDate,
      origin: seriesChunks.origin,
      utcOffsetMinutes: seriesChunks.utcOffsetMinutes,
      baseAt: seriesChunks.baseAt,
      offsets: seriesChunks.offsets,
      durations: seriesChunks.durations,
      values: seriesChunks.values,
      device: seriesChunks.device,
    })
    .from(seriesChunks)
    .where(
      and(
        eq(seriesChunks.userId, userId),
        sql`(${seriesChunks.metric}, ${seriesChunks.source}, ${seriesChunks.localDate}) in (
          select * from unnest(${sql.param(days.map((d) => d.metric))}::smallint[], ${sql.param(days.map((d) => d.source))}::text[], ${sql.param(days.map((d) => d.localDate))}::date[]))`,
      ),
    )) as StoredChunk[];
  const held = new Map<string, Map<string, number>>();
  const ownChunks = new Map<string, StoredChunk>();
  for (const chunk of stored) {
    let counts = held.get(dayKey(chunk));
    if (!counts) held.set(dayKey(chunk), (counts = new Map()));
    for (const p of unpackChunk(chunk)) counts.set(pointKey(p), (counts.get(pointKey(p)) ?? 0) + 1);
    if (chunk.origin === NO_ORIGIN) ownChunks.set(identity({ ...chunk, offset: chunk.utcOffsetMinutes }), chunk);
  }
  const changed: Group[] = [];
  for (const group of imported) {
    const counts = held.get(dayKey(group));
    const fresh = group.points.filter((p) => (counts?.get(pointKey(p)) ?? 0) <= p.occurrence);
    if (fresh.length === 0) continue;
    const own = ownChunks.get(identity(group));
    if (own && own.device !== group.device) group.device = null;
    const points = own ? [...unpackChunk(own).map((p) => ({ ...p, occurrence: 0, recordId: "" })), ...fresh].sort((a, b) => a.start - b.start) : fresh;
    changed.push({ ...group, points });
  }
  return changed;
}

/**
 * A numeric array as one text parameter: drizzle's array columns map every element through the
 * column type, which costs more than the rest of the write for a year of minutes.
 */
function arrayLiteral(values: number[] | null): string | null {
  return values ? `{${values.join(",")}}` : null;
}

/**
 * Writes samples as chunks. A raw record's chunks are its own (its earlier version was removed
 * before a revision is written), so they go in as they are; re-storing the same record rewrites
 * identical chunks. Imported samples merge into what the day holds (see mergeImported).
 */
export async function writeSeries(db: Database, user: SeriesUser, items: SeriesItem[]): Promise<SeriesWriteResult> {
  const dates = new Set<string>();
  const { groups, received } = groupSamples(user, items, dates);
  const fromRecords: Group[] = [];
  const imported: Group[] = [];
  for (const g of groups.values()) (g.origin === NO_ORIGIN ? imported : fromRecords).push(g);
  const toWrite = imported.length ? [...fromRecords, ...(await mergeImported(db, user.userId, imported))] : fromRecords;
  for (let i = 0; i < toWrite.length; i += ROWS_PER_STATEMENT) {
    const rows = toWrite.slice(i, i + ROWS_PER_STATEMENT).map((g) => {
      const c = packChunk(g.baseMs, g.points);
      return sql`(${user.userId}, ${g.metric}, ${g.localDate}, ${g.source}, ${g.origin}, ${g.offset}, ${new Date(g.baseMs)},
        ${arrayLiteral(c.offsets)}::int4[], ${arrayLiteral(c.durations)}::int4[], ${arrayLiteral(c.values)}::float4[], ${g.device},
        ${c.count}, ${c.sum}, ${c.min}, ${c.max}, ${c.lastValue}, ${c.firstAt}, ${c.lastAt},
        ${arrayLiteral(c.hourCounts)}::int4[], ${arrayLiteral(c.hourSums)}::float8[], ${arrayLiteral(c.hourMins)}::float4[], ${arrayLiteral(c.hourMaxs)}::float4[])`;
    });
    await db.execute(sql`
      insert into series_chunks (user_id, metric, local_date, source, origin, utc_offset_minutes, base_at, offsets, durations, values, device,
        count, sum, min, max, last_value, first_at, last_at, hour_counts, hour_sums, hour_mins, hour_maxs)
      values ${sql.join(rows, sql`, `)}
      on conflict (user_id, metric, local_date, source, origin, utc_offset_minutes) do update set
        base_at = excluded.base_at, offsets = excluded.offsets, durations = excluded.durations, values = excluded.values,
        device = excluded.device, count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max,
        last_value = excluded.last_value, first_at = excluded.first_at, last_at = excluded.last_at, hour_counts = excluded.hour_counts,
        hour_sums = excluded.hour_sums, hour_mins = excluded.hour_mins, hour_maxs = excluded.hour_maxs`);
  }
  return { samples: received, dates };
}

/** Removes the points of one raw record (before its revision is written, or on deletion); returns their days. */
export async function deleteSeriesOfOrigin(db: Database, origin: string): Promise<string[]> {
  // The second condition lets the partial index on origin serve the delete.
  const rows = await db
    .delete(seriesChunks)
    .where(and(eq(seriesChunks.origin, origin), ne(seriesChunks.origin, NO_ORIGIN)))
    .returning({ localDate: seriesChunks.localDate });
  return rows.map((r) => r.localDate);
}

/** Removes every point one source holds for a user; returns their days. */
export async function deleteSeriesOfSource(db: Database, userId: string, source: string): Promise<string[]> {
  const rows = await db
    .delete(seriesChunks)
    .where(and(eq(seriesChunks.userId, userId), eq(seriesChunks.source, source)))
    .returning({ localDate: seriesChunks.localDate });
  return rows.map((r) => r.localDate);
}
