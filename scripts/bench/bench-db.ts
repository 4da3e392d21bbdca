import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DbHandle } from "@/db";

export interface BenchDb {
  label: string;
  handle: DbHandle;
  /** The database's URL, for a server process to open it too. */
  url?: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated PGlite in a temp directory (on disk, as the embedded default runs). */
export async function pgliteBenchDb(): Promise<BenchDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "biosync-bench-"));
  const handle = await openDatabase(`pglite://${dir}`);
  await handle.migrate();
  return {
    label: "PGlite (on disk)",
    handle,
    dispose: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the Postgres server of BENCH_DATABASE_URL / TEST_DATABASE_URL, or null when unreachable. */
export async function postgresBenchDb(suffix = ""): Promise<BenchDb | null> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `biosync_bench_${process.pid}${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  await handle.migrate();
  const version = ((await handle.db.execute("show server_version")) as unknown as { rows: { server_version: string }[] }).rows[0]?.server_version;
  return {
    label: `PostgreSQL ${version ?? ""} (node-postgres)`.trim(),
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The first column of the first row of a query, as a number, whatever the driver's result shape. */
export async function scalar(target: BenchDb, statement: string): Promise<number> {
  const result = (await target.handle.db.execute(statement)) as unknown as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const row = (Array.isArray(result) ? result : result.rows)[0] ?? {};
  return Number(Object.values(row)[0] ?? 0);
}
