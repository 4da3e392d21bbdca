/**
 * Issue 6 benchmark: one year of the demo wearable for one user (minute heart rate while awake,
 * nightly sleep, HRV, breathing, SpO2, daily totals) through parse → normalize → store, against
 * `COPY` of the same readings into a lean row table; the bytes each stored sample takes; and that
 * year's minute heart rate read back bucketed by hour and by day.
 */
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { generateDemoDays } from "@/server/health/demo/generator";
import { ingestRecords, type RawRecord } from "@/server/health/ingestion/ingest";
import { getProvider } from "@/server/health/providers/registry";
import { rollupDays } from "@/server/health/timeseries/rollup";
import { querySeries, readPoints, type SeriesBucketSize } from "@/server/health/timeseries/read";
import { scalar, type BenchDb } from "./bench-db";
import { copyLean, leanRows, relationBytes } from "./copy-baseline";
import { median } from "./stats";

const RECORDS_PER_CALL = 30;
const QUERY_RUNS = 7;
const ROUNDS = 3;
export const TIME_ZONE = "Europe/Berlin";
const START_DATE = "2025-01-01";

export interface IngestYearResult {
  database: string;
  days: number;
  samples: number;
  /** Median of the runs. */
  pipelineSeconds: number;
  pipelineRuns: number[];
  rollupSeconds: number;
  copyRows: number;
  copySeconds: number;
  copyRuns: number[];
  /** Pipeline samples/s ÷ COPY rows/s. */
  ratio: number;
  chunkBytesPerSample: number;
  leanBytesPerRow: number;
  chunkRows: number;
  hourQueryMs: number;
  dayQueryMs: number;
  hourBuckets: number;
  dayBuckets: number;
}

export interface BenchPayloads {
  days: number;
  bodies: string[];
  headers: Headers;
}

/** `days` days of webhook bodies from `startDate`, generated before timing starts. */
export function demoPayloads(days: number, startDate = START_DATE): BenchPayloads {
  const generated = generateDemoDays({
    seed: "bench",
    userRef: "bench-user",
    providerUserId: "bench-provider-user",
    startDate,
    days,
    homeTimeZone: TIME_ZONE,
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

async function timeQuery(db: Database, userId: string, days: number, bucket: SeriesBucketSize): Promise<{ ms: number; buckets: number }> {
  const from = new Date(`${START_DATE}T00:00:00+01:00`);
  const to = new Date(from.getTime() + days * 86_400_000);
  const times: number[] = [];
  let buckets = 0;
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    buckets = (await querySeries(db, { userId, metric: "heart_rate", from, to, bucket, timeZone: TIME_ZONE })).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), buckets };
}

/** One user's year through the pipeline, timed; returns the samples stored and the local days touched. */
export async function runPipeline(db: Database, userId: string, payloads: BenchPayloads): Promise<{ seconds: number; samples: number; dates: Set<string> }> {
  const demo = getProvider("demo")!;
  const started = performance.now();
  let pending: RawRecord[] = [];
  let samples = 0;
  const dates = new Set<string>();
  const flush = async () => {
    const result = await ingestRecords(db, {
      userId,
      source: "demo",
      timeZone: TIME_ZONE,
      records: pending,
      normalize: (record) => demo.normalize(record.payload, { recordType: record.recordType, timeZone: TIME_ZONE }),
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
  return { seconds: (performance.now() - started) / 1000, samples, dates };
}

/**
 * Pipeline and COPY alternate for ROUNDS rounds (each a fresh user) so that load from other
 * processes on a shared machine weighs on both; the medians are reported. Sizes and queries are
 * measured on the first user, alone in the table.
 */
export async function benchIngest(target: BenchDb, payloads: BenchPayloads): Promise<IngestYearResult> {
  const db = target.handle.db;
  const userId = await newUser(db, `bench-pipeline-0@example.com`);
  const first = await runPipeline(db, userId, payloads);
  const rollupStarted = performance.now();
  await rollupDays(db, userId, first.dates);
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;
  const chunkBytes = await relationBytes(target, "series_chunks");
  const chunkRows = await scalar(target, "select count(*) from series_chunks");
  const hour = await timeQuery(db, userId, payloads.days, "hour");
  const day = await timeQuery(db, userId, payloads.days, "day");
  // The baseline: the stored readings as lean rows, COPY into a table with only its primary key.
  const lean = leanRows(await readPoints(db, { userId }));

  const pipelines = [first.seconds];
  const copies: { seconds: number; bytes: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    copies.push(await copyLean(target, await newUser(db, `bench-copy-${round}@example.com`), lean));
    if (round + 1 < ROUNDS) pipelines.push((await runPipeline(db, await newUser(db, `bench-pipeline-${round + 1}@example.com`), payloads)).seconds);
  }
  const pipelineSeconds = median(pipelines);
  const copySeconds = median(copies.map((c) => c.seconds));
  return {
    database: target.label,
    days: payloads.days,
    samples: first.samples,
    pipelineSeconds,
    pipelineRuns: pipelines,
    rollupSeconds,
    copyRows: lean.length,
    copySeconds,
    copyRuns: copies.map((c) => c.seconds),
    ratio: first.samples / pipelineSeconds / (lean.length / copySeconds),
    chunkBytesPerSample: chunkBytes / first.samples,
    leanBytesPerRow: copies[0]!.bytes / lean.length,
    chunkRows,
    hourQueryMs: hour.ms,
    dayQueryMs: day.ms,
    hourBuckets: hour.buckets,
    dayBuckets: day.buckets,
  };
}
