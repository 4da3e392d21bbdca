import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, lt, lte, or, sql, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { jobEvents, jobRuns, jobSteps, type JobRun } from "@/db/schema";
import type { AnyLocalFunction } from "@/inngest/define";
import { durationMs } from "./duration";

/** Database operations of the in-process job runner. Every one is a single short statement or transaction. */

export interface NewEvent {
  name: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
}

/**
 * Stores an event and one queued run per function it triggers, atomically. Returns null when an
 * event with the same idempotency key was already accepted (nothing new is queued). A debounced
 * function's run waits its period, and replaces the run of the same key that has not started yet.
 */
export async function enqueueEvent(db: Database, event: NewEvent, functions: readonly AnyLocalFunction[]): Promise<{ eventId: string } | null> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(jobEvents)
      .values({ name: event.name, data: event.data, idempotencyKey: event.idempotencyKey ?? null })
      .onConflictDoNothing({ target: jobEvents.idempotencyKey })
      .returning({ id: jobEvents.id });
    if (!stored) return null;
    const triggered = functions.filter((f) => f.event === event.name);
    for (const f of triggered) if (f.debounce) await supersedeDebounced(tx, f.id, f.debounce.key, event.data);
    if (triggered.length > 0) {
      await tx.insert(jobRuns).values(
        triggered.map((f) => ({
          eventId: stored.id,
          functionId: f.id,
          maxAttempts: f.retries + 1,
          concurrencyKey: resolveConcurrencyKey(f.concurrencyKey, event.data),
          runAfter: f.debounce ? sql`now() + ${durationMs(f.debounce.period)}::double precision * interval '1 millisecond'` : sql`now()`,
        })),
      );
    }
    return { eventId: stored.id };
  });
}

/**
 * Removes the queued, never-started runs of `functionId` whose event has the same value of the
 * debounce key as `data` (their events stay, as on Inngest, where a debounced-away event starts
 * no run; a backfill would otherwise leave hundreds of cancelled runs in the admin list).
 * Enqueuers of one function and key take turns (a transaction-scoped advisory lock), so of a
 * burst sent at once exactly the last run stays queued.
 */
async function supersedeDebounced(tx: Database, functionId: string, expression: string, data: Record<string, unknown>): Promise<void> {
  const key = resolveConcurrencyKey(expression, data);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`debounce:${functionId}:${key ?? ""}`}))`);
  const path = sql.join(
    expression
      .split(".")
      .slice(2)
      .map((part) => sql`${part}`),
    sql`, `,
  );
  const keyOfEvent = sql`jsonb_extract_path_text(${jobEvents.data}, ${path})`;
  await tx
    .delete(jobRuns)
    .where(
      and(
        eq(jobRuns.functionId, functionId),
        eq(jobRuns.status, "queued"),
        isNull(jobRuns.startedAt),
        exists(
          tx
            .select({ one: sql`1` })
            .from(jobEvents)
            .where(and(eq(jobEvents.id, jobRuns.eventId), key === null ? sql`${keyOfEvent} is null` : sql`${keyOfEvent} = ${key}`)),
        ),
      ),
    );
}

/**
 * Makes the debounced runs of `functionIds` that are still waiting their period due now (a drain
 * in a test or script: the burst has been sent). Returns how many were released.
 */
export async function releaseDebouncedRuns(db: Database, functionIds: readonly string[]): Promise<number> {
  if (functionIds.length === 0) return 0;
  const released = await db
    .update(jobRuns)
    .set({ runAfter: sql`now()` })
    .where(and(inArray(jobRuns.functionId, [...functionIds]), eq(jobRuns.status, "queued"), isNull(jobRuns.startedAt), gt(jobRuns.runAfter, sql`now()`)))
    .returning({ id: jobRuns.id });
  return released.length;
}

/** Evaluates an `event.data.<path>` expression (concurrency or debounce key) against the event data (null when absent). */
export function resolveConcurrencyKey(expression: string | undefined, data: Record<string, unknown>): string | null {
  if (!expression) return null;
  let value: unknown = { event: { data } };
  for (const part of expression.split(".")) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? null : String(value);
}

export type ClaimedRun = JobRun & { event: { id: string; name: string; data: Record<string, unknown>; idempotencyKey: string | null } };

/**
 * Atomically takes the next due run of one of `functionIds`: a queued run whose time has come, or
 * a running run whose worker's lease expired (its process died; that counts as a failed attempt).
 * Rows another transaction is claiming are skipped, and a queued run is not taken while another
 * run of the same function and concurrency key is running.
 */
export async function claimNextRun(db: Database, workerId: string, leaseMs: number, functionIds: readonly string[]): Promise<ClaimedRun | null> {
  if (functionIds.length === 0) return null;
  const candidate = alias(jobRuns, "candidate");
  const other = alias(jobRuns, "other");
  const due = db
    .select({ id: candidate.id })
    .from(candidate)
    .where(
      and(
        inArray(candidate.functionId, [...functionIds]),
        or(
          and(eq(candidate.status, "queued"), lte(candidate.runAfter, sql`now()`)),
          and(eq(candidate.status, "running"), lt(candidate.lockedUntil, sql`now()`)),
        ),
        or(
          isNull(candidate.concurrencyKey),
          eq(candidate.status, "running"),
          notExists(
            db
              .select({ one: sql`1` })
              .from(other)
              .where(and(eq(other.functionId, candidate.functionId), eq(other.concurrencyKey, candidate.concurrencyKey), eq(other.status, "running"))),
          ),
        ),
      ),
    )
    .orderBy(asc(candidate.runAfter), asc(candidate.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });

  let claimed: JobRun | undefined;
  try {
    [claimed] = await db
      .update(jobRuns)
      .set({
        status: "running",
        lockedBy: workerId,
        lockedUntil: sql`now() + ${leaseMs}::double precision * interval '1 millisecond'`,
        startedAt: sql`coalesce(${jobRuns.startedAt}, now())`,
        attempt: sql`case when ${jobRuns.status} = 'running' then ${jobRuns.attempt} + 1 else ${jobRuns.attempt} end`,
        lastError: sql`case when ${jobRuns.status} = 'running' then 'The worker running this attempt stopped before it finished.' else ${jobRuns.lastError} end`,
      })
      .where(inArray(jobRuns.id, due))
      .returning();
  } catch (error) {
    // Two workers claimed different runs of one concurrency key at the same moment: the unique
    // index let the first one win; the loser simply finds nothing this time.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  if (!claimed) return null;
  const [event] = await db.select().from(jobEvents).where(eq(jobEvents.id, claimed.eventId));
  if (!event) throw new Error(`Job event ${claimed.eventId} of run ${claimed.id} is missing`);
  return { ...claimed, event: { id: event.id, name: event.name, data: event.data, idempotencyKey: event.idempotencyKey } };
}

export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && (current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const ownedBy = (runId: string, workerId: string) => and(eq(jobRuns.id, runId), eq(jobRuns.lockedBy, workerId), eq(jobRuns.status, "running"));

/** Extends a lease; false when the run is no longer this worker's. */
export async function extendLease(db: Database, runId: string, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ lockedUntil: sql`now() + ${leaseMs}::double precision * interval '1 millisecond'` })
    .where(ownedBy(runId, workerId))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

export async function completeRun(db: Database, runId: string, workerId: string, output: unknown): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: "completed", output: output ?? null, lastError: null, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(ownedBy(runId, workerId));
}

/** Puts the run back in the queue until `at` (step.sleep); the attempt number is unchanged. */
export async function sleepRun(db: Database, runId: string, workerId: string, at: Date): Promise<void> {
  await db.update(jobRuns).set({ status: "queued", runAfter: at, lockedBy: null, lockedUntil: null }).where(ownedBy(runId, workerId));
}

export async function retryRunLater(db: Database, runId: string, workerId: string, error: string, delayMs: number): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      status: "queued",
      attempt: sql`${jobRuns.attempt} + 1`,
      runAfter: sql`now() + ${delayMs}::double precision * interval '1 millisecond'`,
      lastError: error,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(ownedBy(runId, workerId));
}

export async function failRun(db: Database, runId: string, workerId: string, error: string): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: "failed", lastError: error, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(ownedBy(runId, workerId));
}

export async function loadSteps(db: Database, runId: string): Promise<Map<string, unknown>> {
  const rows = await db.select({ stepId: jobSteps.stepId, result: jobSteps.result }).from(jobSteps).where(eq(jobSteps.runId, runId));
  return new Map(rows.map((r) => [r.stepId, r.result]));
}

export async function saveStep(db: Database, runId: string, stepId: string, result: unknown): Promise<void> {
  await db
    .insert(jobSteps)
    .values({ runId, stepId, result: result ?? null })
    .onConflictDoNothing();
}

/** When the earliest unfinished run becomes due (or its lease expires); null when nothing is pending. */
export async function nextDueAt(db: Database, functionIds: readonly string[]): Promise<Date | null> {
  if (functionIds.length === 0) return null;
  const [row] = await db
    .select({
      epochMs: sql<number | string | null>`(extract(epoch from min(case when ${jobRuns.status} = 'queued' then ${jobRuns.runAfter} else ${jobRuns.lockedUntil} end)) * 1000)::double precision`,
    })
    .from(jobRuns)
    .where(
      and(
        inArray(jobRuns.functionId, [...functionIds]),
        or(eq(jobRuns.status, "queued"), and(eq(jobRuns.status, "running"), isNotNull(jobRuns.lockedUntil))),
      ),
    );
  return row?.epochMs === null || row?.epochMs === undefined ? null : new Date(Number(row.epochMs));
}
