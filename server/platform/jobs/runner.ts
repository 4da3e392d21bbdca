import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getDb, type Database } from "@/db";
import type { AnyLocalFunction } from "@/inngest/define";
import { env } from "../../env";
import { logger } from "../../logger";
import { installedJobBackend } from "./backend";
import { defaultBackoff, type BackoffOptions } from "./backoff";
import { executeRun, type RunOutcome } from "./execute";
import { claimNextRun, nextDueAt, releaseDebouncedRuns } from "./store";

export interface JobRunnerOptions {
  /** The database to work on; by default the process database (retried until it is reachable). */
  db?: Database;
  /** How often to look for due runs when not nudged (default JOBS_POLL_MS). */
  pollMs?: number;
  /** Runs executed at the same time by this process. */
  concurrency?: number;
  /** How long a claimed run stays this worker's without a heartbeat; then another worker takes it over. */
  leaseMs?: number;
  backoff?: BackoffOptions;
}

export interface DrainOptions {
  /**
   * "settle" (the default): once nothing else is due, debounced runs still waiting their period
   * start at once, so a drain after a burst costs one run without waiting the period. "wait":
   * they start when their period is over, as in a running app.
   */
  debounce?: "settle" | "wait";
}

export interface DrainResult {
  outcomes: Record<RunOutcome, number>;
  /** Runs still queued or running when the drain stopped (e.g. sleeping past the deadline). */
  pending: boolean;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_LEASE_MS = 30_000;
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * The in-process job runner used when no Inngest backend is configured. It runs the functions of
 * the job backend installed at boot (./backend.ts). Several processes may run one each on the
 * same database: claims are atomic and leased.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffOptions;
  private readonly inFlight = new Set<Promise<RunOutcome>>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private ticking = false;
  private tickAgain = false;
  private lastErrorLogAt = 0;

  constructor(private readonly options: JobRunnerOptions = {}) {
    this.pollMs = options.pollMs ?? env().JOBS_POLL_MS;
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.backoff = options.backoff ?? defaultBackoff;
  }

  get isRunning(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
    logger.info({ workerId: this.workerId, pollMs: this.pollMs }, "job runner started");
  }

  /** Looks for work now instead of at the next poll (called after an event is stored). */
  nudge(): void {
    if (this.started) this.schedule(0);
  }

  /** Stops claiming and waits for the runs in progress to reach a resting point. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Executes due runs until none is left (waiting for retries and sleeps that fall due before
   * the deadline). For tests and scripts; independent of start/stop.
   */
  async drain(timeoutMs: number, options: DrainOptions = {}): Promise<DrainResult> {
    const deadline = Date.now() + timeoutMs;
    const outcomes: Record<RunOutcome, number> = { completed: 0, retrying: 0, failed: 0, sleeping: 0 };
    const db = await this.database();
    for (;;) {
      const functions = await installedJobBackend().localFunctions();
      const batch: Promise<RunOutcome>[] = [];
      while (batch.length < this.concurrency) {
        const started = await this.claimAndExecute(db, functions);
        if (!started) break;
        batch.push(started.done);
      }
      if (batch.length > 0) {
        for (const outcome of await Promise.all(batch)) outcomes[outcome] += 1;
        continue;
      }
      if (options.debounce !== "wait") {
        const debounced = functions.filter((f) => f.debounce).map((f) => f.id);
        if ((await releaseDebouncedRuns(db, debounced)) > 0) continue;
      }
      const due = await nextDueAt(
        db,
        functions.map((f) => f.id),
      );
      if (!due) return { outcomes, pending: false };
      if (due.getTime() > deadline || Date.now() >= deadline) return { outcomes, pending: true };
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(5, due.getTime() - Date.now()), 250)));
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    try {
      const db = await this.database();
      const functions = await installedJobBackend().localFunctions();
      while (this.started && this.inFlight.size < this.concurrency) {
        const started = await this.claimAndExecute(db, functions);
        if (!started) break;
        const { done } = started;
        this.inFlight.add(done);
        void done.finally(() => {
          this.inFlight.delete(done);
          this.nudge();
        });
      }
    } catch (error) {
      if (Date.now() - this.lastErrorLogAt > ERROR_LOG_INTERVAL_MS) {
        this.lastErrorLogAt = Date.now();
        logger.error({ err: error }, "job runner could not look for due runs (database unreachable?); retrying");
      }
    } finally {
      this.ticking = false;
      if (this.started) this.schedule(this.tickAgain ? 0 : this.pollMs);
      this.tickAgain = false;
    }
  }

  /** Claims one due run and starts it; null when nothing is due. `done` never rejects. */
  private async claimAndExecute(db: Database, functions: readonly AnyLocalFunction[]): Promise<{ done: Promise<RunOutcome> } | null> {
    const run = await claimNextRun(
      db,
      this.workerId,
      this.leaseMs,
      functions.map((f) => f.id),
    );
    if (!run) return null;
    const fn = functions.find((f) => f.id === run.functionId);
    if (!fn) throw new Error(`Claimed a run of unknown function ${run.functionId}`);
    const done = executeRun(db, run, fn, { workerId: this.workerId, leaseMs: this.leaseMs, backoff: this.backoff }).catch((error: unknown) => {
      // Recording the outcome failed (database gone): the lease expires and another attempt follows.
      logger.error({ err: error, runId: run.id }, "could not record job run outcome");
      return "retrying" as const;
    });
    return { done };
  }

  private database(): Promise<Database> {
    return this.options.db ? Promise.resolve(this.options.db) : getDb();
  }
}

// One runner per process, kept on globalThis because Next.js may load this module twice.
const globalKey = Symbol.for("biosync.jobRunner");
type GlobalWithRunner = typeof globalThis & { [globalKey]?: JobRunner };

/** Starts this process's runner (idempotent). */
export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const g = globalThis as GlobalWithRunner;
  g[globalKey] ??= new JobRunner(options);
  g[globalKey].start();
  return g[globalKey];
}

export async function stopJobRunner(): Promise<void> {
  const g = globalThis as GlobalWithRunner;
  const runner = g[globalKey];
  delete g[globalKey];
  await runner?.stop();
}

export function nudgeJobRunner(): void {
  (globalThis as GlobalWithRunner)[globalKey]?.nudge();
}

export function jobRunnerStarted(): boolean {
  return (globalThis as GlobalWithRunner)[globalKey]?.isRunning ?? false;
}

/** Runs every due job on `db` until none is left or `timeoutMs` passes (tests and scripts). */
export function drainJobs(db: Database, options: Omit<JobRunnerOptions, "db"> & DrainOptions & { timeoutMs?: number } = {}): Promise<DrainResult> {
  const { timeoutMs = 30_000, debounce, ...rest } = options;
  return new JobRunner({ ...rest, db, pollMs: rest.pollMs ?? 50 }).drain(timeoutMs, { debounce });
}
