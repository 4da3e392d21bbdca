import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { dailySummaries, summaryRecomputes } from "@/db/schema";
import { emit } from "../../platform/jobs/emit";
import { rollupDays } from "./rollup";

export type SummaryRecompute = typeof summaryRecomputes.$inferSelect;

/** Days rolled up per job step: a month, so even decades of history stay far below Inngest's 1,000 steps. */
export const RECOMPUTE_BATCH_DAYS = 31;

/** A finished re-computation is still shown this long, so the page can say it is done. */
const SHOWN_AFTER_FINISH_MS = 10 * 60_000;

const ACTIVE = ["queued", "running"] as const;

/**
 * Queues the re-computation of all of a user's daily summaries and returns at once: the
 * `recompute-summaries` job does the work in steps. One still under way is superseded (it stops
 * at its next step), so many changes in a row cost one full pass, not one each.
 */
export async function requestSummaryRecompute(db: Database, userId: string, reason: SummaryRecompute["reason"]): Promise<SummaryRecompute> {
  const row = await db.transaction(async (tx) => {
    await tx
      .update(summaryRecomputes)
      .set({ status: "superseded", finishedAt: new Date() })
      .where(and(eq(summaryRecomputes.userId, userId), inArray(summaryRecomputes.status, ACTIVE)));
    const [created] = await tx.insert(summaryRecomputes).values({ userId, reason }).returning();
    return created!;
  });
  await emit(db, "timeseries/recompute.requested", { recomputeId: row.id, userId }, { id: `recompute-${row.id}` });
  return row;
}

/** The job's first step: lists the days to re-compute in batches; null when superseded meanwhile. */
export async function planRecompute(db: Database, recomputeId: string, userId: string): Promise<string[][] | null> {
  const days = await db
    .select({ localDate: dailySummaries.localDate })
    .from(dailySummaries)
    .where(eq(dailySummaries.userId, userId))
    .orderBy(asc(dailySummaries.localDate));
  const [started] = await db
    .update(summaryRecomputes)
    .set({ status: "running", totalDays: days.length, doneDays: 0 })
    .where(and(eq(summaryRecomputes.id, recomputeId), eq(summaryRecomputes.userId, userId), inArray(summaryRecomputes.status, ACTIVE)))
    .returning({ id: summaryRecomputes.id });
  if (!started) return null;
  const batches: string[][] = [];
  for (let i = 0; i < days.length; i += RECOMPUTE_BATCH_DAYS) batches.push(days.slice(i, i + RECOMPUTE_BATCH_DAYS).map((d) => d.localDate));
  return batches;
}

/**
 * One step: rolls up one batch of days (oldest first, so each batch's rolling averages read days
 * already re-computed) and counts them done. False when superseded: the newer job redoes it all.
 */
export async function recomputeBatch(db: Database, recomputeId: string, userId: string, days: string[], doneDays: number): Promise<boolean> {
  if (!(await isCurrent(db, recomputeId))) return false;
  await rollupDays(db, userId, days);
  await db
    .update(summaryRecomputes)
    .set({ doneDays: doneDays + days.length })
    .where(and(eq(summaryRecomputes.id, recomputeId), eq(summaryRecomputes.status, "running")));
  return true;
}

export async function finishRecompute(db: Database, recomputeId: string, outcome: "succeeded" | "failed"): Promise<void> {
  await db
    .update(summaryRecomputes)
    .set({ status: outcome, finishedAt: new Date() })
    .where(and(eq(summaryRecomputes.id, recomputeId), eq(summaryRecomputes.status, "running")));
}

/** The user's latest re-computation while it runs or shortly after it finished; else null. */
export async function currentRecompute(db: Database, userId: string, now = new Date()): Promise<SummaryRecompute | null> {
  const [latest] = await db
    .select()
    .from(summaryRecomputes)
    .where(eq(summaryRecomputes.userId, userId))
    .orderBy(desc(summaryRecomputes.startedAt))
    .limit(1);
  if (!latest || latest.status === "superseded") return null;
  if (latest.finishedAt && now.getTime() - latest.finishedAt.getTime() > SHOWN_AFTER_FINISH_MS) return null;
  return latest;
}

async function isCurrent(db: Database, recomputeId: string): Promise<boolean> {
  const [row] = await db.select({ status: summaryRecomputes.status }).from(summaryRecomputes).where(eq(summaryRecomputes.id, recomputeId));
  return row?.status === "running";
}
