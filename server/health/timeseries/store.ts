import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { providerDailyTotals, sleepSessions, workouts } from "@/db/schema";
import { localDate } from "../local-date";
import { deleteSeriesOfOrigin, writeSeries } from "./write";
import type { NormalizedBatch } from "../types";

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

const ROW_CHUNK = 500;
const TOTALS_CHUNK = 5_000;

/** Writes a normalized batch. Re-delivered rows hit the unique keys (samples: their chunk) and change nothing. */
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

async function storeSamples(db: Database, user: StoreUser, items: Item[], dates: Set<string>): Promise<number> {
  const written = await writeSeries(db, user, items.map((i) => ({ origin: i.rawRecordId, samples: i.batch.samples })));
  for (const d of written.dates) dates.add(d);
  return written.samples;
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
      return { source: t.source, metric: t.metric, localDate: t.localDate, value: t.value, sourceRecordId: t.sourceRecordId, rawRecordId };
    }),
  );
  const unique = lastByKey(rows, (r) => `${r.source}|${r.metric}|${r.localDate}`);
  // Column arrays through unnest(): a few parameters per statement instead of seven per row.
  for (const chunk of chunks(unique, TOTALS_CHUNK)) {
    const column = <K extends keyof (typeof chunk)[number]>(key: K) => sql.param(chunk.map((r) => r[key]));
    await db.execute(sql`
      insert into provider_daily_totals (user_id, source, metric, local_date, value, source_record_id, raw_record_id)
      select ${user.userId}::uuid, t.source, t.metric, t.day, t.value, t.record_id, t.raw_id
      from unnest(${column("source")}::text[], ${column("metric")}::text[], ${column("localDate")}::date[], ${column("value")}::float8[],
        ${column("sourceRecordId")}::text[], ${column("rawRecordId")}::uuid[]) as t(source, metric, day, value, record_id, raw_id)
      on conflict (user_id, source, metric, local_date) do update set
        value = excluded.value, source_record_id = excluded.source_record_id, raw_record_id = excluded.raw_record_id`);
  }
  return unique.length;
}

/** Deletes every row derived from one raw record (before a revision is written, or on deletion). */
export async function removeDerivedRows(db: Database, rawRecordId: string): Promise<Set<string>> {
  const dates = new Set<string>();
  const collect = (rows: { localDate: string }[]) => rows.forEach((r) => dates.add(r.localDate));
  for (const day of await deleteSeriesOfOrigin(db, rawRecordId)) dates.add(day);
  collect(await db.delete(sleepSessions).where(eq(sleepSessions.rawRecordId, rawRecordId)).returning({ localDate: sleepSessions.localDate }));
  collect(await db.delete(workouts).where(eq(workouts.rawRecordId, rawRecordId)).returning({ localDate: workouts.localDate }));
  collect(
    await db.delete(providerDailyTotals).where(eq(providerDailyTotals.rawRecordId, rawRecordId)).returning({ localDate: providerDailyTotals.localDate }),
  );
  return dates;
}
