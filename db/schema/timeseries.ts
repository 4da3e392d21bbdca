import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";

/** Origin of chunks written without a raw record (file imports). */
export const NO_ORIGIN = "00000000-0000-0000-0000-000000000000";

/**
 * The time series, compactly: one row per (user, metric, local day, source, origin, UTC offset)
 * holding the day's points as offsets from the local midnight plus float4 values, with summaries
 * computed at write time so day/week/month aggregates and the rollup never read the points.
 * `metric` is a fixed code (server/health/timeseries/codec.ts); `origin` is the raw record
 * the points come from (a revision deletes and rewrites by it), NO_ORIGIN for file imports.
 */
export const seriesChunks = pgTable(
  "series_chunks",
  {
    userId: ownerColumn(),
    metric: smallint("metric").notNull(),
    localDate: date("local_date").notNull(),
    source: text("source").notNull(),
    origin: uuid("origin").notNull(),
    /** The points' own UTC offset (the record's, else the user's zone at the time). */
    utcOffsetMinutes: smallint("utc_offset_minutes").notNull(),
    /** The local midnight of local_date at that offset; offsets count from it. */
    baseAt: timestamp("base_at", { withTimezone: true }).notNull(),
    /** Milliseconds from base_at, ascending. */
    offsets: integer("offsets").array().notNull(),
    /** Milliseconds from start to end per point; null when every point is instantaneous. */
    durations: integer("durations").array(),
    values: real("values").array().notNull(),
    device: text("device"),
    count: integer("count").notNull(),
    sum: doublePrecision("sum").notNull(),
    min: real("min").notNull(),
    max: real("max").notNull(),
    /** Value of the latest point. */
    lastValue: real("last_value").notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
    /**
     * Per local hour 0–23 of the chunk (points starting in it): count, sum, min, max, so hour
     * buckets read 24 entries instead of the points. Null on chunks with few points.
     */
    hourCounts: integer("hour_counts").array(),
    hourSums: doublePrecision("hour_sums").array(),
    hourMins: real("hour_mins").array(),
    hourMaxs: real("hour_maxs").array(),
  },
  (t) => [
    primaryKey({ name: "series_chunks_pkey", columns: [t.userId, t.metric, t.localDate, t.source, t.origin, t.utcOffsetMinutes] }),
    index("series_chunks_origin_idx").on(t.origin).where(sql`origin <> '00000000-0000-0000-0000-000000000000'`),
  ],
);

/** Identity and origin of a row normalized from a provider record (sleep sessions, workouts). */
const normalizedRecordColumns = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  userId: ownerColumn(),
  source: text("source").notNull(),
  sourceRecordId: text("source_record_id").notNull(),
  /** The raw record it came from; a revision deletes and re-inserts by it. */
  rawRecordId: uuid("raw_record_id"),
  device: text("device"),
});

export interface SleepStageRow {
  stage: string;
  start: string;
  end: string;
}

export const sleepSessions = pgTable(
  "sleep_sessions",
  {
    ...normalizedRecordColumns(),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    utcOffsetMinutes: smallint("utc_offset_minutes"),
    timeZone: text("time_zone"),
    /** Wake-up date in the record's own offset. */
    localDate: date("local_date").notNull(),
    isNap: boolean("is_nap").notNull().default(false),
    inBedSeconds: integer("in_bed_seconds"),
    asleepSeconds: integer("asleep_seconds"),
    awakeSeconds: integer("awake_seconds"),
    lightSeconds: integer("light_seconds"),
    deepSeconds: integer("deep_seconds"),
    remSeconds: integer("rem_seconds"),
    latencySeconds: integer("latency_seconds"),
    efficiency: doublePrecision("efficiency"),
    stages: jsonb("stages").$type<SleepStageRow[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("sleep_sessions_identity_uq").on(t.userId, t.source, t.sourceRecordId),
    index("sleep_sessions_user_day_idx").on(t.userId, t.localDate),
  ],
);

export const workouts = pgTable(
  "workouts",
  {
    ...normalizedRecordColumns(),
    activityType: text("activity_type").notNull(),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    utcOffsetMinutes: smallint("utc_offset_minutes"),
    localDate: date("local_date").notNull(),
    energyKj: doublePrecision("energy_kj"),
    distanceM: doublePrecision("distance_m"),
    avgHeartRate: doublePrecision("avg_heart_rate"),
    maxHeartRate: doublePrecision("max_heart_rate"),
    events: jsonb("events").$type<{ type: string; at: string; durationSeconds?: number | null }[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("workouts_identity_uq").on(t.userId, t.source, t.sourceRecordId),
    index("workouts_user_day_idx").on(t.userId, t.localDate),
  ],
);

/** A provider's own total for a local day (preferred over summing its intraday samples). */
export const providerDailyTotals = pgTable(
  "provider_daily_totals",
  {
    userId: ownerColumn(),
    source: text("source").notNull(),
    metric: text("metric").notNull(),
    localDate: date("local_date").notNull(),
    value: doublePrecision("value").notNull(),
    sourceRecordId: text("source_record_id").notNull(),
    rawRecordId: uuid("raw_record_id"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source, t.metric, t.localDate] })],
);

/** Per-user provider priority: lower rank wins when two sources report the same thing. */
export const providerPriorities = pgTable(
  "provider_priorities",
  {
    userId: ownerColumn(),
    provider: text("provider").notNull(),
    rank: smallint("rank").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.provider] })],
);

/** Per user and local day: the rolled-up values with the source that won each metric. */
export const dailySummaries = pgTable(
  "daily_summaries",
  {
    userId: ownerColumn(),
    localDate: date("local_date").notNull(),
    /** metric → value in its canonical unit (see METRIC_UNITS), plus sleep_* and derived keys. */
    values: jsonb("values").$type<Record<string, number>>().notNull().default({}),
    /** metric → the provider whose value counts. */
    sources: jsonb("sources").$type<Record<string, string>>().notNull().default({}),
    /** metric → { avg7, avg28, baseline } computed from the preceding days. */
    rolling: jsonb("rolling").$type<Record<string, { avg7: number | null; avg28: number | null; baseline: number | null }>>().notNull().default({}),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localDate] })],
);

/**
 * One row per re-computation of a user's daily summaries in the background (after a change of
 * provider priority): the job's progress, which the devices page shows. A newer row supersedes
 * an older one still running (the older job stops at its next step).
 */
export const summaryRecomputes = pgTable(
  "summary_recomputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    reason: text("reason", { enum: ["priority"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed", "superseded"] }).notNull().default("queued"),
    /** Days to re-compute, known once the job has listed them. */
    totalDays: integer("total_days"),
    doneDays: integer("done_days").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("summary_recomputes_user_started_idx").on(t.userId, t.startedAt)],
);
