import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { providerDailyTotals, samples, sleepSessions, workouts } from "@/db/schema";
import { localDate } from "./local-date";
import { METRIC_UNITS, type NormalizedBatch, type NormalizedSample } from "./types";

export interface StoreTarget {
  userId: string;
  /** The raw record (or import) these rows come from; null for rows without one. */
  rawRecordId: string | null;
  /** The user's time zone, for items whose record carries no UTC offset. */
  timeZone: string;
}

export interface StoreResult {
  samples: number;
  sleepSessions: number;
  workouts: number;
  dailyTotals: number;
  /** Local days whose rollup must be recomputed. */
  dates: Set<string>;
}

interface StoreUser {
  userId: string;
  timeZone: string;
}

type Item = { rawRecordId: string | null; batch: NormalizedBatch };

const SAMPLE_CHUNK = 10_000;
const ROW_CHUNK = 500;

/** Writes a normalized batch. Re-delivered rows hit the unique keys and change nothing. */
export async function storeBatch(db: Database, target: StoreTarget, batch: NormalizedBatch): Promise<StoreResult> {
  return storeBatches(db, { userId: target.userId, timeZone: target.timeZone }, [{ rawRecordId: target.rawRecordId, batch }]);
}

/** Writes several records' batches at once: each kind of row goes in through a few multi-row statements. */
export async function storeBatches(db: Database, user: StoreUser, items: Item[]): Promise<StoreResult> {
  const dates = new Set<string>();
  return {
    samples: await storeSamples(db, user, items, dates),
    sleepSessions: await storeSleepSessions(db, user, items, dates),
    workouts: await storeWorkouts(db, user, items, dates),
    dailyTotals: await storeDailyTotals(db, user, items, dates),
    dates,
  };
}

/** The last row per key wins (ON CONFLICT may touch a row only once per statement). */
function lastByKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `set` clause taking every column but the key from the incoming row. */
function excludedSet(values: Record<string, unknown>, key: string[]) {
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return Object.fromEntries(Object.keys(values).filter((k) => !key.includes(k)).map((k) => [k, sql.raw(`excluded.${snake(k)}`)]));
}

function roundOrNull(value: number | null | undefined): number | null {
  return value == null ? null : Math.round(value);
}

/**
 * Samples go in through `unnest()` of column arrays, 10,000 rows a statement: one round trip per
 * chunk, with the de-duplicating unique key making a re-delivered row a no-op.
 */
async function storeSamples(db: Database, user: StoreUser, items: Item[], dates: Set<string>): Promise<number> {
  const rows: { sample: NormalizedSample; rawRecordId: string | null }[] = [];
  for (const item of items) for (const sample of item.batch.samples) rows.push({ sample, rawRecordId: item.rawRecordId });
  const unique = lastByKey(rows, ({ sample: s }) => `${s.source}|${s.metric}|${s.start.getTime()}|${s.sourceRecordId}`);
  for (const chunk of chunks(unique, SAMPLE_CHUNK)) {
    const n = chunk.length;
    const cols = {
      rawId: new Array<string | null>(n),
      metric: new Array<string>(n),
      /** Epoch milliseconds: cheaper to send and parse than timestamp text. */
      start: new Array<number>(n),
      end: new Array<number>(n),
      value: new Array<number>(n),
      unit: new Array<string>(n),
      source: new Array<string>(n),
      device: new Array<string | null>(n),
      recordId: new Array<string>(n),
      offset: new Array<number | null>(n),
      zone: new Array<string | null>(n),
      day: new Array<string>(n),
    };
    chunk.forEach(({ sample: s, rawRecordId }, i) => {
      const day = localDate(s.start, s.utcOffsetMinutes, user.timeZone);
      dates.add(day);
      cols.rawId[i] = rawRecordId;
      cols.metric[i] = s.metric;
      cols.start[i] = s.start.getTime();
      cols.end[i] = s.end.getTime();
      cols.value[i] = s.value;
      cols.unit[i] = METRIC_UNITS[s.metric];
      cols.source[i] = s.source;
      cols.device[i] = s.device ?? null;
      cols.recordId[i] = s.sourceRecordId;
      cols.offset[i] = s.utcOffsetMinutes ?? null;
      cols.zone[i] = s.timeZone ?? null;
      cols.day[i] = day;
    });
    await db.execute(sql`
      insert into samples (user_id, raw_record_id, metric, start_at, end_at, value, unit, source, device, source_record_id, utc_offset_minutes, time_zone, local_date)
      select ${user.userId}::uuid, t.raw_id, t.metric, to_timestamp(t.start_ms / 1000.0), to_timestamp(t.end_ms / 1000.0), t.value, t.unit, t.source, t.device, t.record_id, t.utc_offset, t.zone, t.day
      from unnest(
        ${sql.param(cols.rawId)}::uuid[], ${sql.param(cols.metric)}::text[], ${sql.param(cols.start)}::float8[], ${sql.param(cols.end)}::float8[],
        ${sql.param(cols.value)}::float8[], ${sql.param(cols.unit)}::text[], ${sql.param(cols.source)}::text[],
        ${sql.param(cols.device)}::text[], ${sql.param(cols.recordId)}::text[], ${sql.param(cols.offset)}::smallint[],
        ${sql.param(cols.zone)}::text[], ${sql.param(cols.day)}::date[]
      ) as t(raw_id, metric, start_ms, end_ms, value, unit, source, device, record_id, utc_offset, zone, day)
      on conflict (user_id, source, metric, start_at, source_record_id) do update set
        end_at = excluded.end_at, value = excluded.value, device = excluded.device, raw_record_id = excluded.raw_record_id,
        utc_offset_minutes = excluded.utc_offset_minutes, time_zone = excluded.time_zone, local_date = excluded.local_date
      where (samples.end_at, samples.value, samples.local_date) is distinct from (excluded.end_at, excluded.value, excluded.local_date)
    `);
  }
  return unique.length;
}

async function storeSleepSessions(db: Database, user: StoreUser, items: Item[], dates: Set<string>): Promise<number> {
  const rows = items.flatMap(({ rawRecordId, batch }) =>
    batch.sleepSessions.map((s) => {
      const day = s.localDate ?? localDate(s.end, s.utcOffsetMinutes, user.timeZone);
      dates.add(day);
      return {
        userId: user.userId,
        source: s.source,
        sourceRecordId: s.sourceRecordId,
        rawRecordId,
        device: s.device ?? null,
        startAt: s.start,
        endAt: s.end,
        utcOffsetMinutes: s.utcOffsetMinutes ?? null,
        timeZone: s.timeZone ?? null,
        localDate: day,
        isNap: s.isNap,
        inBedSeconds: roundOrNull(s.totals.inBedSeconds),
        asleepSeconds: roundOrNull(s.totals.asleepSeconds),
        awakeSeconds: roundOrNull(s.totals.awakeSeconds),
        lightSeconds: roundOrNull(s.totals.lightSeconds),
        deepSeconds: roundOrNull(s.totals.deepSeconds),
        remSeconds: roundOrNull(s.totals.remSeconds),
        latencySeconds: roundOrNull(s.totals.latencySeconds),
        efficiency: s.efficiency ?? null,
        stages: s.stages.map((st) => ({ stage: st.stage, start: st.start.toISOString(), end: st.end.toISOString() })),
      };
    }),
  );
  const unique = lastByKey(rows, (r) => `${r.source}|${r.sourceRecordId}`);
  for (const chunk of chunks(unique, ROW_CHUNK)) {
    await db
      .insert(sleepSessions)
      .values(chunk)
      .onConflictDoUpdate({ target: [sleepSessions.userId, sleepSessions.source, sleepSessions.sourceRecordId], set: excludedSet(chunk[0]!, ["userId", "source", "sourceRecordId"]) });
  }
  return unique.length;
}

async function storeWorkouts(db: Database, user: StoreUser, items: Item[], dates: Set<string>): Promise<number> {
  const rows = items.flatMap(({ rawRecordId, batch }) =>
    batch.workouts.map((w) => {
      const day = localDate(w.start, w.utcOffsetMinutes, user.timeZone);
      dates.add(day);
      return {
        userId: user.userId,
        source: w.source,
        sourceRecordId: w.sourceRecordId,
        rawRecordId,
        device: w.device ?? null,
        activityType: w.activityType,
        startAt: w.start,
        endAt: w.end,
        utcOffsetMinutes: w.utcOffsetMinutes ?? null,
        localDate: day,
        energyKj: w.energyKJ ?? null,
        distanceM: w.distanceM ?? null,
        avgHeartRate: w.avgHeartRate ?? null,
        maxHeartRate: w.maxHeartRate ?? null,
        events: (w.events ?? []).map((e) => ({ type: e.type, at: e.at.toISOString(), durationSeconds: e.durationSeconds ?? null })),
      };
    }),
  );
  const unique = lastByKey(rows, (r) => `${r.source}|${r.sourceRecordId}`);
  for (const chunk of chunks(unique, ROW_CHUNK)) {
    await db
      .insert(workouts)
      .values(chunk)
      .onConflictDoUpdate({ target: [workouts.userId, workouts.source, workouts.sourceRecordId], set: excludedSet(chunk[0]!, ["userId", "source", "sourceRecordId"]) });
  }
  return unique.length;
}

async function storeDailyTotals(db: Database, user: StoreUser, items: Item[], dates: Set<string>): Promise<number> {
  const rows = items.flatMap(({ rawRecordId, batch }) =>
    batch.dailyTotals.map((t) => {
      dates.add(t.localDate);
      return { userId: user.userId, source: t.source, metric: t.metric, localDate: t.localDate, value: t.value, sourceRecordId: t.sourceRecordId, rawRecordId };
    }),
  );
  const unique = lastByKey(rows, (r) => `${r.source}|${r.metric}|${r.localDate}`);
  for (const chunk of chunks(unique, ROW_CHUNK)) {
    await db
      .insert(providerDailyTotals)
      .values(chunk)
      .onConflictDoUpdate({
        target: [providerDailyTotals.userId, providerDailyTotals.source, providerDailyTotals.metric, providerDailyTotals.localDate],
        set: { value: sql`excluded.value`, sourceRecordId: sql`excluded.source_record_id`, rawRecordId: sql`excluded.raw_record_id` },
      });
  }
  return unique.length;
}

/** Deletes every row derived from one raw record (before a revision is written, or on deletion). */
export async function removeDerivedRows(db: Database, rawRecordId: string): Promise<Set<string>> {
  const dates = new Set<string>();
  const collect = (rows: { localDate: string }[]) => rows.forEach((r) => dates.add(r.localDate));
  collect(await db.delete(samples).where(eq(samples.rawRecordId, rawRecordId)).returning({ localDate: samples.localDate }));
  collect(await db.delete(sleepSessions).where(eq(sleepSessions.rawRecordId, rawRecordId)).returning({ localDate: sleepSessions.localDate }));
  collect(await db.delete(workouts).where(eq(workouts.rawRecordId, rawRecordId)).returning({ localDate: workouts.localDate }));
  collect(
    await db.delete(providerDailyTotals).where(eq(providerDailyTotals.rawRecordId, rawRecordId)).returning({ localDate: providerDailyTotals.localDate }),
  );
  return dates;
}
