/**
 * The lower bound for writing a time series: `COPY` of (user, metric smallint, time, float4)
 * rows into a lean table whose only index is its primary key. node-postgres streams through
 * pg-copy-streams; PGlite reads the same text from a Blob (`COPY … FROM '/dev/blob'`).
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { METRIC_CODES } from "@/server/health/timeseries/codec";
import type { Metric } from "@/server/health/types";
import { scalar, type BenchDb } from "./bench-db";

const LEAN_TABLE = `create table if not exists bench_lean_samples (
  user_id uuid not null, metric smallint not null, at timestamptz not null, value real not null,
  primary key (user_id, metric, at))`;

export interface CopyResult {
  rows: number;
  seconds: number;
  bytes: number;
}

async function execute(target: BenchDb, statement: string): Promise<void> {
  await target.handle.db.execute(statement);
}

/** Readings as lean rows, one per (metric, time): a second reading at the same instant is dropped. */
export function leanRows(samples: { metric: Metric; start: Date; value: number }[]): { metric: number; at: number; value: number }[] {
  const seen = new Set<string>();
  const rows: { metric: number; at: number; value: number }[] = [];
  for (const s of samples) {
    const key = `${s.metric}|${s.start.getTime()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ metric: METRIC_CODES[s.metric], at: s.start.getTime(), value: s.value });
  }
  return rows;
}

/** Times formatting the rows as COPY text and copying them in; the table is created beforehand. */
export async function copyLean(target: BenchDb, userId: string, rows: { metric: number; at: number; value: number }[]): Promise<CopyResult> {
  await execute(target, LEAN_TABLE);
  await execute(target, "truncate bench_lean_samples");
  const started = performance.now();
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    lines[i] = `${userId}\t${r.metric}\t${new Date(r.at).toISOString()}\t${r.value}\n`;
  }
  const text = lines.join("");
  if (target.handle.kind === "postgres") {
    const pool = (target.handle.db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom("copy bench_lean_samples from stdin")));
    } finally {
      client.release();
    }
  } else {
    const client = (target.handle.db as unknown as { $client: PGlite }).$client;
    await client.query("copy bench_lean_samples from '/dev/blob'", [], { blob: new Blob([text]) });
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: rows.length, seconds, bytes: await relationBytes(target, "bench_lean_samples") };
}

/** Heap, TOAST and every index of a table (pg_total_relation_size), vacuumed first so the figure is settled. */
export async function relationBytes(target: BenchDb, table: string): Promise<number> {
  await execute(target, `vacuum analyze ${table}`);
  return scalar(target, `select pg_total_relation_size('${table}')::float8`);
}
