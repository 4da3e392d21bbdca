/**
 * Issue 9 benchmark: the CSV export of one year of minute heart rate (525,600 rows) for one user,
 * through the real export path (`runExport`: the CSV writer streaming into local file storage), in
 * a child process so its peak RSS is its own, against Postgres `COPY (SELECT … the same rows …)
 * TO STDOUT` through pg-copy-streams into a file, alternating RUNS times on one database.
 * Alone: `npx tsx scripts/bench/csv-export.ts`; as a child: `… child <url> <userId> <dir>` prints one JSON line.
 */
import { execFile } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { openDatabase, type Database } from "@/db";
import { dataExports, profiles } from "@/db/schema";
import { createUser } from "@/server/account/auth/users";
import { runExport } from "@/server/health/exports/run";
import { addDays } from "@/server/health/local-date";
import { writeSeries } from "@/server/health/timeseries/write";
import type { NormalizedSample } from "@/server/health/types";
import { setFileStorage } from "@/server/platform/storage";
import { localFileStorage } from "@/server/platform/storage/local";
import { postgresBenchDb, type BenchDb } from "./bench-db";
import { fmt } from "./format";
import { TIME_ZONE } from "./ingest-year";
import { median } from "./stats";

const MB = 1024 * 1024;
const DAYS = 365;
const RUNS = 3;
export const CSV_TIME_TARGET = 2;
export const CSV_RSS_TARGET_MB = 200;

export interface CsvExportBenchResult {
  database: string;
  rows: number;
  exportSeconds: number;
  exportRuns: number[];
  copySeconds: number;
  copyRuns: number[];
  ratio: number;
  exportBytes: number;
  copyBytes: number;
  peakRssMb: number;
}

interface ChildResult {
  seconds: number;
  rows: number;
  bytes: number;
  peakRssMb: number;
}

/** A year of one heart rate a minute, stored as the time series stores it (day chunks). */
async function seedMinuteYear(db: Database, from: string): Promise<{ userId: string; rows: number }> {
  const user = await createUser(db, { email: "bench-csv@example.com", name: "Bench CSV", verified: true });
  await db.insert(profiles).values({ userId: user.id, timeZone: TIME_ZONE }).onConflictDoUpdate({ target: profiles.userId, set: { timeZone: TIME_ZONE } });
  const start = Date.parse(`${from}T00:00:00Z`);
  let rows = 0;
  for (let day = 0; day < DAYS; day++) {
    const samples: NormalizedSample[] = [];
    for (let minute = 0; minute < 1440; minute++) {
      const at = new Date(start + (day * 1440 + minute) * 60_000);
      const value = Math.round(62 + 18 * Math.sin((minute / 1440) * 2 * Math.PI) + ((day * 7 + minute * 13) % 9));
      samples.push({ metric: "heart_rate", source: "demo", device: "BioSync Demo Band", sourceRecordId: `bench-${day}`, start: at, end: at, value });
    }
    rows += (await writeSeries(db, { userId: user.id, timeZone: TIME_ZONE }, [{ origin: null, samples }])).samples;
  }
  return { userId: user.id, rows };
}

/** The same rows as the export, formatted and ordered by Postgres, streamed out by COPY into a file. */
async function copyOut(target: BenchDb, userId: string, file: string): Promise<number> {
  const pool = (target.handle.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  const started = performance.now();
  try {
    const query = `copy (
      select 'heart_rate' as metric, '/min' as unit, c.base_at + p.o * interval '1 millisecond' as start,
        c.base_at + (p.o + coalesce(p.d, 0)) * interval '1 millisecond' as "end", p.v as value, c.source, c.device
      from series_chunks c cross join lateral unnest(c.offsets, c.durations, c.values) with ordinality as p(o, d, v, n)
      where c.user_id = '${userId}' and c.metric = 1
      order by c.local_date, c.source, c.origin, c.utc_offset_minutes, p.n
    ) to stdout with (format csv, header)`;
    await pipeline(client.query(copyTo(query)), createWriteStream(file));
    return (performance.now() - started) / 1000;
  } finally {
    client.release();
  }
}

// No job backend is installed: the export emits nothing, and the function list would load the whole app.
async function child(url: string, userId: string, dir: string, from: string, to: string): Promise<ChildResult> {
  const handle = await openDatabase(url);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    setFileStorage(localFileStorage(dir));
    const db = handle.db;
    const [row] = await db
      .insert(dataExports)
      .values({ userId, kind: "csv", params: { metrics: ["heart_rate"], from, to } })
      .returning();
    const started = performance.now();
    const done = await runExport(db, row!.id);
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (done.status !== "succeeded") throw new Error(`export ${done.status}: ${done.error}`);
    return { seconds, rows: done.progressTotal ?? 0, bytes: done.bytes ?? 0, peakRssMb: peakRss / MB };
  } finally {
    clearInterval(sampler);
    await handle.close();
  }
}

async function exportInChild(url: string, userId: string, dir: string, range: { from: string; to: string }): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "child", url, userId, dir, range.from, range.to], {
    cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."),
    maxBuffer: 16 * MB,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ChildResult;
}

/** The export against COPY on a fresh Postgres database; null when Postgres is not reachable. */
export async function benchCsvExport(): Promise<CsvExportBenchResult | null> {
  const target = await postgresBenchDb("_csv");
  if (!target) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "biosync-bench-csv-"));
  try {
    const from = addDays(new Date().toISOString().slice(0, 10), -DAYS);
    const range = { from: addDays(from, -1), to: addDays(from, DAYS) };
    const seeded = await seedMinuteYear(target.handle.db, from);
    const exports: ChildResult[] = [];
    const copies: number[] = [];
    const copyFile = path.join(dir, "copy.csv");
    for (let run = 0; run < RUNS; run++) {
      copies.push(await copyOut(target, seeded.userId, copyFile));
      exports.push(await exportInChild(target.url!, seeded.userId, dir, range));
    }
    const exportSeconds = median(exports.map((e) => e.seconds));
    const copySeconds = median(copies);
    return {
      database: target.label,
      rows: exports[0]!.rows,
      exportSeconds,
      exportRuns: exports.map((e) => e.seconds),
      copySeconds,
      copyRuns: copies,
      ratio: exportSeconds / copySeconds,
      exportBytes: exports[0]!.bytes,
      copyBytes: statSync(copyFile).size,
      peakRssMb: Math.max(...exports.map((e) => e.peakRssMb)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await target.dispose();
  }
}

export function csvExportSection(r: CsvExportBenchResult | null): string {
  const runs = (s: number[]) => s.map((x) => fmt(x, 2)).join(", ");
  const table = r
    ? [
        "| database | rows | export | COPY | export ÷ COPY | export file | COPY file | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        `| ${r.database} | ${fmt(r.rows)} | ${fmt(r.exportSeconds, 2)} s (${runs(r.exportRuns)}) | ${fmt(r.copySeconds, 2)} s (${runs(r.copyRuns)}) | **${fmt(r.ratio, 2)}** | ${fmt(r.exportBytes / MB, 1)} MB | ${fmt(r.copyBytes / MB, 1)} MB | **${fmt(r.peakRssMb)} MB** |`,
      ].join("\n")
    : "Postgres not reachable: not run.";
  return `## CSV export of a year of minute heart rate (issue 9)

One user with a heart rate every minute for ${DAYS} days (525,600 readings, stored as day chunks).
**Export** = \`runExport\` of a CSV export of that metric (\`server/health/exports/\`: the CSV writer
reads the chunks a window of days at a time, formats each row as \`metric,unit,start,end,value,source,device\`
and streams it into local file storage), in a child process of its own; **peak RSS** is that
process's (target < ${CSV_RSS_TARGET_MB} MB). **COPY** = Postgres \`COPY (SELECT … the same rows, unnested
from the chunks and ordered …) TO STDOUT (FORMAT csv)\` through pg-copy-streams into a file, the
lower bound of writing those rows out. Alternated ${RUNS} times; medians, every run in brackets
(target: export ≤ ${CSV_TIME_TARGET}× COPY).

${table}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const main = process.argv[2] === "child" ? child(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6]!, process.argv[7]!).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`)) : benchCsvExport().then((r) => console.log(r, `\n${csvExportSection(r)}`));
  main.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
