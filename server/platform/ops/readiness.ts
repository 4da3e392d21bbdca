import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDbHandle, MIGRATIONS_FOLDER, type Database, type DbHandle } from "@/db";
import { env, jobBackend } from "../../env";
import { jobRunnerStarted } from "../jobs/runner";

export interface CheckResult {
  ok: boolean;
  error?: string;
}

export interface ReadinessReport {
  status: "ready" | "not_ready";
  checks: {
    database: CheckResult & { latencyMs: number };
    migrations: CheckResult & { applied: number; expected: number };
    jobs: CheckResult & { backend: "local" | "inngest"; [detail: string]: unknown };
  };
}

export interface ReadinessOptions {
  /** How the database is reached (default: the process handle, opened and migrated on first use). */
  getHandle?: () => Promise<DbHandle>;
  /** Budget of each database step; the report never takes much longer than twice this. */
  timeoutMs?: number;
}

/** Whether this instance can serve traffic: database reachable, schema current, job backend usable. */
export async function checkReadiness(options: ReadinessOptions = {}): Promise<ReadinessReport> {
  const { getHandle = getDbHandle, timeoutMs = 2_000 } = options;
  const started = Date.now();
  let db: Database | undefined;
  let database: ReadinessReport["checks"]["database"];
  try {
    const handle = await withTimeout(getHandle(), timeoutMs, "connecting to the database");
    await withTimeout(handle.ping(), timeoutMs, "the database ping");
    db = handle.db;
    database = { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    database = { ok: false, latencyMs: Date.now() - started, error: messageOf(error) };
  }

  const [migrations, jobs] = await Promise.all([checkMigrations(db, timeoutMs), checkJobs(db, timeoutMs)]);
  const ok = database.ok && migrations.ok && jobs.ok;
  return { status: ok ? "ready" : "not_ready", checks: { database, migrations, jobs } };
}

async function checkMigrations(db: Database | undefined, timeoutMs: number): Promise<ReadinessReport["checks"]["migrations"]> {
  let expected: number[];
  try {
    expected = await journalTimestamps();
  } catch (error) {
    return { ok: false, applied: 0, expected: 0, error: `cannot read the migrations journal: ${messageOf(error)}` };
  }
  if (!db) return { ok: false, applied: 0, expected: expected.length, error: "database unavailable" };
  try {
    const result = await withTimeout(db.execute(sql`select created_at from drizzle.__drizzle_migrations`), timeoutMs, "reading applied migrations");
    const applied = new Set(rowsOf(result).map((row) => Number(row.created_at)));
    const missing = expected.filter((when) => !applied.has(when)).length;
    return { ok: missing === 0, applied: applied.size, expected: expected.length, ...(missing ? { error: `${missing} migration(s) not applied` } : {}) };
  } catch (error) {
    return { ok: false, applied: 0, expected: expected.length, error: messageOf(error) };
  }
}

async function checkJobs(db: Database | undefined, timeoutMs: number): Promise<ReadinessReport["checks"]["jobs"]> {
  if (jobBackend() === "inngest") {
    const e = env();
    const mode = e.INNGEST_DEV ? "dev" : "cloud";
    return {
      ok: Boolean(e.INNGEST_DEV || e.INNGEST_EVENT_KEY),
      backend: "inngest",
      mode,
      eventKey: Boolean(e.INNGEST_EVENT_KEY),
      signingKey: Boolean(e.INNGEST_SIGNING_KEY),
    };
  }
  const runner = jobRunnerStarted() ? "started" : "stopped";
  if (!db) return { ok: false, backend: "local", runner, error: "database unavailable" };
  try {
    const result = await withTimeout(
      db.execute(
        sql`select count(*) filter (where status = 'queued' and run_after < now() - interval '1 minute') as overdue,
                   count(*) filter (where status = 'failed') as failed
            from job_runs`,
      ),
      timeoutMs,
      "reading the job queue",
    );
    const row = rowsOf(result)[0] ?? {};
    return {
      ok: runner === "started",
      backend: "local",
      runner,
      overdue: Number(row.overdue ?? 0),
      failed: Number(row.failed ?? 0),
      ...(runner === "started" ? {} : { error: "the in-process job runner is not running" }),
    };
  } catch (error) {
    return { ok: false, backend: "local", runner, error: messageOf(error) };
  }
}

let journal: Promise<number[]> | undefined;

/** The `when` of every migration in the committed drizzle-kit journal (what drizzle records as created_at). */
function journalTimestamps(): Promise<number[]> {
  journal ??= readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8").then((text) => {
    const parsed = JSON.parse(text) as { entries: { when: number }[] };
    return parsed.entries.map((entry) => entry.when);
  });
  journal.catch(() => (journal = undefined));
  return journal;
}

/** node-postgres, Neon and PGlite all answer `execute` with `{ rows }`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows ?? result;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The innermost cause's message: drizzle wraps driver errors in "Failed query: …". */
function messageOf(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else if (current instanceof Error && current.cause instanceof Error) current = current.cause;
    else break;
  }
  if (current instanceof Error) return current.message || (current as { code?: string }).code || current.name;
  return String(current);
}
