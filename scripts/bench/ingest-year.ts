/**
 * Issue 3 benchmark: one year of minute-level heart rate plus nightly sleep and HRV for one user
 * (≈530,000 samples) through parse → normalize → store, against a plain `unnest()` bulk insert of
 * the same rows into the same table, on PGlite and on Postgres.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { generateDemoDays } from "@/server/integrations/demo/generator";
import { ingestRecords, type RawRecord } from "@/server/integrations/ingest";
import { getProvider } from "@/server/integrations/providers/registry";
import { rollupDays } from "@/server/integrations/rollup";
import { METRIC_UNITS, type NormalizedSample } from "@/server/integrations/types";
import { localDate } from "@/server/integrations/local-date";
import type { BenchDb } from "./bench-db";

const RECORDS_PER_CALL = 30;
const BASELINE_CHUNK = 10_000;

export interface IngestYearResult {
  database: string;
  days: number;
  samples: number;
  pipelineSeconds: number;
  rollupSeconds: number;
  baselineSeconds: number;
  pipelineSamplesPerSecond: number;
  baselineSamplesPerSecond: number;
  ratio: number;
}

export interface BenchPayloads {
  days: number;
  bodies: string[];
  headers: Headers;
}

/** `days` days of webhook bodies, generated before timing starts. */
export function demoPayloads(days: number): BenchPayloads {
  const generated = generateDemoDays({
    seed: "bench",
    userRef: "bench-user",
    providerUserId: "bench-provider-user",
    startDate: "2025-01-01",
    days,
    homeTimeZone: "Europe/Berlin",
    hrResolutionMinutes: 1,
    trip: false,
    missingNightRate: 0,
    gapDays: 0,
    duplicateRate: 0,
    intradayDailyRate: 0,
    revision: false,
  });
  return { days, bodies: generated.flatMap((d) => d.payloads.map((p) => p.body)), headers: new Headers({ "content-type": "application/json" }) };
}

async function newUser(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email }).returning({ id: users.id });
  return row!.id;
}

export async function benchIngest(target: BenchDb, payloads: BenchPayloads): Promise<IngestYearResult> {
  const db = target.handle.db;
  const demo = getProvider("demo")!;
  const timeZone = "Europe/Berlin";

  // The pipeline: parse each body (JSON + schema), normalize each record, store raw + samples.
  const userId = await newUser(db, `bench-pipeline-${payloads.days}@example.com`);
  const normalizedForBaseline: NormalizedSample[] = [];
  const started = performance.now();
  let pending: RawRecord[] = [];
  let samples = 0;
  const dates = new Set<string>();
  const flush = async () => {
    const result = await ingestRecords(db, {
      userId,
      source: "demo",
      timeZone,
      records: pending,
      normalize: (record) => {
        const batch = demo.normalize(record.payload, { recordType: record.recordType, timeZone });
        normalizedForBaseline.push(...batch.samples);
        return batch;
      },
      skipRollup: true,
    });
    samples += result.samples;
    for (const d of result.dates) dates.add(d);
    pending = [];
  };
  for (const body of payloads.bodies) {
    for (const delivery of demo.parseWebhook(body, payloads.headers).deliveries) pending.push(...delivery.records);
    if (pending.length >= RECORDS_PER_CALL) await flush();
  }
  await flush();
  const pipelineSeconds = (performance.now() - started) / 1000;
  const rollupStarted = performance.now();
  await rollupDays(db, userId, dates);
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;

  // The baseline: the same rows, plain unnest() insert, no conflict handling, no raw records.
  const baselineUser = await newUser(db, `bench-baseline-${payloads.days}@example.com`);
  const baselineStarted = performance.now();
  for (let i = 0; i < normalizedForBaseline.length; i += BASELINE_CHUNK) {
    const chunk = normalizedForBaseline.slice(i, i + BASELINE_CHUNK);
    await db.execute(sql`
      insert into samples (user_id, metric, start_at, end_at, value, unit, source, device, source_record_id, utc_offset_minutes, time_zone, local_date)
      select ${baselineUser}::uuid, t.metric, to_timestamp(t.start_ms / 1000.0), to_timestamp(t.end_ms / 1000.0), t.value, t.unit, t.source,
        t.device, t.record_id, t.utc_offset, t.zone, t.day
      from unnest(
        ${sql.param(chunk.map((s) => s.metric))}::text[], ${sql.param(chunk.map((s) => s.start.getTime()))}::float8[],
        ${sql.param(chunk.map((s) => s.end.getTime()))}::float8[], ${sql.param(chunk.map((s) => s.value))}::float8[],
        ${sql.param(chunk.map((s) => METRIC_UNITS[s.metric]))}::text[], ${sql.param(chunk.map((s) => s.source))}::text[],
        ${sql.param(chunk.map((s) => s.device ?? null))}::text[], ${sql.param(chunk.map((s) => s.sourceRecordId))}::text[],
        ${sql.param(chunk.map((s) => s.utcOffsetMinutes ?? null))}::smallint[], ${sql.param(chunk.map((s) => s.timeZone ?? null))}::text[],
        ${sql.param(chunk.map((s) => localDate(s.start, s.utcOffsetMinutes, timeZone)))}::date[]
      ) as t(metric, start_ms, end_ms, value, unit, source, device, record_id, utc_offset, zone, day)`);
  }
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  return {
    database: target.label,
    days: payloads.days,
    samples,
    pipelineSeconds,
    rollupSeconds,
    baselineSeconds,
    pipelineSamplesPerSecond: samples / pipelineSeconds,
    baselineSamplesPerSecond: normalizedForBaseline.length / baselineSeconds,
    ratio: samples / pipelineSeconds / (normalizedForBaseline.length / baselineSeconds),
  };
}
