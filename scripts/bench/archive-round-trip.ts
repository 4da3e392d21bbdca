/**
 * "Download all my data" and its re-import, for an account like the demo one: 180 days of the
 * demo wearable through the real pipeline, rolled up, insights computed. Times the archive writer
 * (every registry table to JSON + CSV, zipped) and the import of that zip into a new account,
 * and reports the archive's size.
 * Alone: `npx tsx scripts/bench/archive-round-trip.ts` (PGlite; Postgres too if reachable).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createUser } from "@/server/account/auth/users";
import { importArchive } from "@/server/account/privacy/archive/import";
import { writeArchive } from "@/server/account/privacy/archive/writer";
import { recomputeInsights } from "@/server/health/analytics/recompute";
import { addDays } from "@/server/health/local-date";
import { pgliteBenchDb, postgresBenchDb, type BenchDb } from "./bench-db";
import { fmt } from "./format";
import { demoPayloads, TIME_ZONE } from "./ingest-year";
import { seedYearUser } from "./year-user";

export const DEMO_DAYS = 180;

export interface ArchiveRoundTripResult {
  database: string;
  rows: number;
  archiveBytes: number;
  exportSeconds: number;
  importSeconds: number;
}

export async function benchArchiveRoundTrip(target: BenchDb): Promise<ArchiveRoundTripResult> {
  const db = target.handle.db;
  const today = new Date().toISOString().slice(0, 10);
  const from = addDays(today, -DEMO_DAYS);
  const user = await seedYearUser(db, { ...demoPayloads(DEMO_DAYS, from), from, to: addDays(today, -1) }, `bench-archive-${process.pid}@example.com`);
  await recomputeInsights(db, user.userId);

  const dir = await mkdtemp(path.join(os.tmpdir(), "biosync-bench-archive-"));
  try {
    let started = performance.now();
    const parts: Buffer[] = [];
    for await (const part of writeArchive(db, { userId: user.userId, params: {}, timeZone: TIME_ZONE, progress: async () => {} })) parts.push(Buffer.from(part));
    const exportSeconds = (performance.now() - started) / 1000;
    const archive = Buffer.concat(parts);
    const file = path.join(dir, "archive.zip");
    await writeFile(file, archive);

    const fresh = await createUser(db, { email: `bench-archive-import-${process.pid}@example.com`, verified: true });
    started = performance.now();
    const result = await importArchive(db, { userId: fresh.id, timeZone: TIME_ZONE, sizeBytes: archive.length, bytes: async function* () { yield archive; }, file: async () => file, progress: async () => {} });
    const importSeconds = (performance.now() - started) / 1000;
    return { database: target.label, rows: result.items, archiveBytes: archive.length, exportSeconds, importSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function archiveSection(results: ArchiveRoundTripResult[]): string {
  const rows = results.map((r) => `| ${r.database} | ${fmt(r.rows)} | ${fmt(r.archiveBytes / 1e6, 1)} MB | ${fmt(r.exportSeconds, 1)} s | ${fmt(r.importSeconds, 1)} s |`);
  return `## "Download all my data" and its re-import (issue 9)

An account like the demo one (${DEMO_DAYS} days of the demo wearable through the pipeline, rolled up,
insights computed). **Export** = the archive writer: every registry table with export "rows" paged
by key into JSON and CSV files, then zipped behind its manifest. **Import** = that zip into a new
account: every row checked (fields, counts, SHA-256 per table), then inserted with new ids.

| database | rows imported | archive | export | import |
|---|---:|---:|---:|---:|
${rows.join("\n")}`;
}

/** On Postgres (when reachable) and PGlite, each a fresh database. */
export async function runArchiveRoundTrips(): Promise<ArchiveRoundTripResult[]> {
  const results: ArchiveRoundTripResult[] = [];
  for (const open of [postgresBenchDb, pgliteBenchDb]) {
    const target = await open("_archive");
    if (!target) continue;
    try {
      results.push(await benchArchiveRoundTrip(target));
      console.log(results.at(-1));
    } finally {
      await target.dispose();
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(archiveSection(await runArchiveRoundTrips()));
