/**
 * The synthetic Apple Health export end to end: upload (stored in 1 MiB pieces) and the import
 * job (parse → normalize → chunks → rollup), in a child process so its peak RSS is its own (with
 * PGlite that includes the database engine). Run by `benchAppleImport`; as a child:
 * `node --import tsx scripts/bench/apple-import.ts <pglite|postgres> <bytes> [pglite dir]` prints one JSON line.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@/db";
import { users } from "@/db/schema";
import { receiveUpload, runImport } from "@/server/health/imports/file-imports";
import { syntheticAppleExport } from "@/server/health/imports/testing/synthetic-apple-export";
import { installJobs } from "@/server/platform/jobs/install";
import { postgresBenchDb, scalar, type BenchDb } from "./bench-db";
import { relationBytes } from "./copy-baseline";

export interface AppleImportResult {
  database: string;
  bytes: number;
  /** Top-level records of the export the import must find (samples, nights, workouts, daily totals). */
  records: number;
  uploadSeconds: number;
  jobSeconds: number;
  recordsPerSecond: number;
  growthMb: number;
  chunkTableMb: number;
  peakRssMb: number;
  status: string;
}

const MB = 1024 * 1024;
/**
 * The child's V8 old-space cap. Without one V8 lets garbage pile up to about 250 MB of heap
 * before collecting (peak RSS ≈ 420 MB for 1 GB on Postgres) although the import keeps far less alive.
 */
export const IMPORT_HEAP_MB = 160;

const databaseBytes = (target: BenchDb) => scalar(target, "select pg_database_size(current_database())::float8");

/** A PGlite directory migrated beforehand, opened as the server opens its database (creating one costs far more memory). */
async function openPglite(dir: string): Promise<BenchDb> {
  const handle = await openDatabase(`pglite://${dir}`);
  return { label: "PGlite (on disk)", handle, dispose: () => handle.close() };
}

async function child(kind: string, bytes: number, dir: string | undefined): Promise<AppleImportResult> {
  // The upload emits its import event; the runner is never started here, the bench runs the job itself.
  installJobs();
  const target = kind === "postgres" ? await postgresBenchDb() : await openPglite(dir!);
  if (!target) throw new Error("Postgres not reachable");
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    const db = target.handle.db;
    const [user] = await db.insert(users).values({ email: "bench-apple@example.com" }).returning({ id: users.id });
    const before = await databaseBytes(target);
    const { chunks, counts } = syntheticAppleExport(bytes);
    const started = performance.now();
    const uploaded = await receiveUpload(db, { userId: user!.id, filename: "export.xml", body: chunks, limits: { maxBytes: bytes * 2, quotaBytes: bytes * 2 } });
    const uploadSeconds = (performance.now() - started) / 1000;
    const jobStarted = performance.now();
    const done = await runImport(db, uploaded.import.id);
    const jobSeconds = (performance.now() - jobStarted) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const records = counts.samples + counts.sleepSessions + counts.workouts + counts.dailyTotals;
    return {
      database: target.label,
      bytes: counts.bytes,
      records,
      uploadSeconds,
      jobSeconds,
      recordsPerSecond: records / (uploadSeconds + jobSeconds),
      growthMb: ((await databaseBytes(target)) - before) / MB,
      chunkTableMb: (await relationBytes(target, "series_chunks")) / MB,
      peakRssMb: peakRss / MB,
      status: done.status,
    };
  } finally {
    clearInterval(sampler);
    await target.dispose();
  }
}

/** Runs the import in a fresh child process against a fresh database of the given kind. */
export async function benchAppleImport(kind: "pglite" | "postgres", bytes: number): Promise<AppleImportResult> {
  const dir = kind === "pglite" ? mkdtempSync(path.join(os.tmpdir(), "biosync-bench-apple-")) : undefined;
  try {
    if (dir) {
      const handle = await openDatabase(`pglite://${dir}`);
      await handle.migrate();
      await handle.close();
    }
    const args = [`--max-old-space-size=${IMPORT_HEAP_MB}`, "--import", "tsx", fileURLToPath(import.meta.url), kind, String(bytes), ...(dir ? [dir] : [])];
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."),
      maxBuffer: 16 * MB,
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as AppleImportResult;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  child(process.argv[2] ?? "pglite", Number(process.argv[3] ?? 1e9), process.argv[4]).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
