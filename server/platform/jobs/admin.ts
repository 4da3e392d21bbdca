import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { jobEvents, jobRuns, jobRunStatus, jobSteps, users, type JobRunStatus } from "@/db/schema";
import { z } from "zod";
import { recordAudit } from "../audit/audit";
import { AppError } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type PaginationInput } from "../../pagination";
import { nudgeJobRunner } from "./runner";

/** What admins can see and do with the in-process runner's runs. */

const summaryColumns = {
  id: jobRuns.id,
  functionId: jobRuns.functionId,
  eventName: jobEvents.name,
  status: jobRuns.status,
  attempt: jobRuns.attempt,
  maxAttempts: jobRuns.maxAttempts,
  runAfter: jobRuns.runAfter,
  lastError: jobRuns.lastError,
  createdAt: jobRuns.createdAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
};

export async function listRuns(db: Database, input: PaginationInput & { status?: JobRunStatus }) {
  const rows = await db
    .select(summaryColumns)
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(and(input.status ? eq(jobRuns.status, input.status) : undefined, afterCursor(jobRuns.createdAt, jobRuns.id, input.cursor)))
    .orderBy(...newestFirst(jobRuns.createdAt, jobRuns.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.createdAt);
}

export async function getRun(db: Database, id: string) {
  const [run] = await db
    .select({
      ...summaryColumns,
      output: jobRuns.output,
      concurrencyKey: jobRuns.concurrencyKey,
      lockedBy: jobRuns.lockedBy,
      lockedUntil: jobRuns.lockedUntil,
      updatedAt: jobRuns.updatedAt,
      event: { id: jobEvents.id, name: jobEvents.name, data: jobEvents.data, idempotencyKey: jobEvents.idempotencyKey, createdAt: jobEvents.createdAt },
    })
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(eq(jobRuns.id, id));
  if (!run) throw AppError.notFound("Job run");
  const steps = await db
    .select({ stepId: jobSteps.stepId, result: jobSteps.result, createdAt: jobSteps.createdAt })
    .from(jobSteps)
    .where(eq(jobSteps.runId, id))
    .orderBy(asc(jobSteps.createdAt));
  return { ...run, steps };
}

/** Queues a failed or cancelled run again with a fresh set of attempts; completed steps are kept. */
export async function retryRun(db: Database, id: string): Promise<void> {
  const [updated] = await db
    .update(jobRuns)
    .set({ status: "queued", attempt: 0, runAfter: new Date(), finishedAt: null, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobRuns.id, id), inArray(jobRuns.status, ["failed", "cancelled"])))
    .returning({ id: jobRuns.id });
  if (!updated) {
    await assertRunExists(db, id);
    throw AppError.conflict("Only failed or cancelled runs can be retried.");
  }
  nudgeJobRunner();
}

/** Cancels a run that has not started (or is waiting for a retry or a sleep). */
export async function cancelRun(db: Database, id: string): Promise<void> {
  const [updated] = await db
    .update(jobRuns)
    .set({ status: "cancelled", finishedAt: new Date() })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.status, "queued")))
    .returning({ id: jobRuns.id });
  if (!updated) {
    await assertRunExists(db, id);
    throw AppError.conflict("Only queued runs can be cancelled.");
  }
}

async function assertRunExists(db: Database, id: string): Promise<void> {
  const [run] = await db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.id, id));
  if (!run) throw AppError.notFound("Job run");
}

/** Records an admin's retry or cancel of a run, naming the user the run's event is about (if any). */
export async function auditJobAction(ctx: { db: Database; user: { id: string }; ip: string }, action: "admin.job-retried" | "admin.job-cancelled", runId: string): Promise<void> {
  const [run] = await ctx.db
    .select({ functionId: jobRuns.functionId, eventName: jobEvents.name, data: jobEvents.data })
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(eq(jobRuns.id, runId));
  const parsed = z.uuid().safeParse(run?.data.userId);
  const userId = parsed.success ? parsed.data : null;
  const [subject] = userId ? await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId)) : [];
  await recordAudit(ctx.db, {
    action,
    actorUserId: ctx.user.id,
    subjectUserId: subject?.id ?? null,
    target: { type: "job-run", id: runId },
    ip: ctx.ip,
    details: { functionId: run?.functionId ?? null, eventName: run?.eventName ?? null },
  });
}

export async function countRunsByStatus(db: Database): Promise<Record<JobRunStatus, number>> {
  const rows = await db.select({ status: jobRuns.status, n: count() }).from(jobRuns).groupBy(jobRuns.status);
  const counts = Object.fromEntries(jobRunStatus.enumValues.map((s) => [s, 0])) as Record<JobRunStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
