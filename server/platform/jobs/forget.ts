import { and, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { jobEvents, jobRuns, jobSteps } from "@/db/schema/jobs";
import { AppError } from "../../errors";

const mentions = (column: PgColumn, needle: string): SQL => sql`position(${needle} in coalesce(${column}::text, '')) > 0`;

/**
 * Removes the in-process runner's record of every event whose data, key, runs or step results
 * mention `needle` (an erased account's id), with their runs and steps. While a run of such an
 * event is still running this throws UNAVAILABLE, so that the caller's step retries later.
 * With Inngest as the backend these tables stay empty; Inngest keeps its own history.
 */
export async function forgetJobsMentioning(db: Database, needle: string): Promise<number> {
  const stepMentions = db.select({ runId: jobSteps.runId }).from(jobSteps).where(mentions(jobSteps.result, needle));
  const runMentions = db
    .select({ eventId: jobRuns.eventId })
    .from(jobRuns)
    .where(or(mentions(jobRuns.concurrencyKey, needle), mentions(jobRuns.output, needle), mentions(jobRuns.lastError, needle), inArray(jobRuns.id, stepMentions)));
  const matching = or(mentions(jobEvents.data, needle), mentions(jobEvents.idempotencyKey, needle), inArray(jobEvents.id, runMentions));
  const matchingIds = db.select({ id: jobEvents.id }).from(jobEvents).where(matching);
  const [running] = await db
    .select({ n: count() })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "running"), inArray(jobRuns.eventId, matchingIds)));
  if ((running?.n ?? 0) > 0) throw new AppError("UNAVAILABLE", "A job of this account is still running; erasure waits for it.");
  const deleted = await db.delete(jobEvents).where(matching).returning({ id: jobEvents.id });
  return deleted.length;
}
