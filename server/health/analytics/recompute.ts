import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { userTimeZone } from "../../account/profile/service";
import { logger } from "../../logger";
import { localDate } from "../local-date";
import { DEFAULT_SLEEP_NEED_SECONDS } from "../metrics";
import { dailyValuesHistory } from "../timeseries/summaries";
import type { InsightContext, InsightStage } from "./stage";
import { INSIGHT_STAGES } from "./stages";

export interface StageTiming {
  name: string;
  ms: number;
}

export interface RecomputeResult {
  userId: string;
  today: string;
  /** Days of daily summaries the stages worked on. */
  days: number;
  /** Profile and history loaded. */
  loadMs: number;
  stages: StageTiming[];
  totalMs: number;
}

export interface RecomputeOptions {
  /** The stages to run (default INSIGHT_STAGES). */
  stages?: readonly InsightStage[];
  /** The instant whose local date is `today` (default now). */
  now?: Date;
}

/**
 * Recomputes a user's stored insights from their daily summaries: loads the profile and the whole
 * history once, then runs the stages in order, all in one transaction, so a failing stage leaves
 * the previous insights as they were and a reader never sees half a recompute. Recomputes of one
 * user take turns (a transaction-scoped lock), whoever starts them.
 */
export async function recomputeInsights(db: Database, userId: string, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const stages = opts.stages ?? INSIGHT_STAGES;
  const started = performance.now();
  const { ctx, result } = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`insights:${userId}`}))`);
    const ctx = await loadContext(tx, userId, opts.now ?? new Date());
    const loadMs = elapsed(started);
    const timings: StageTiming[] = [];
    for (const stage of stages) {
      const stageStarted = performance.now();
      try {
        await stage.run(ctx);
      } catch (error) {
        throw new Error(`Insight stage "${stage.name}" failed for user ${userId}`, { cause: error });
      }
      timings.push({ name: stage.name, ms: elapsed(stageStarted) });
    }
    return { ctx, result: { userId, today: ctx.today, days: ctx.days.length, loadMs, stages: timings } };
  });
  // The same context (stages may key what they left for this step by it), now on the plain handle.
  ctx.db = db;
  for (const stage of stages) {
    if (!stage.afterCommit) continue;
    const stageStarted = performance.now();
    try {
      await stage.afterCommit(ctx);
    } catch (error) {
      logger.warn({ err: error, userId, stage: stage.name }, "insight stage's after-commit work failed");
    }
    result.stages.push({ name: `${stage.name} (after commit)`, ms: elapsed(stageStarted) });
  }
  return { ...result, totalMs: elapsed(started) };
}

async function loadContext(db: Database, userId: string, now: Date): Promise<InsightContext> {
  const timeZone = await userTimeZone(db, userId);
  return {
    db,
    userId,
    today: localDate(now, null, timeZone),
    timeZone,
    // The profile keeps no sleep need of its own yet: everyone gets the documented default.
    sleepNeedSeconds: DEFAULT_SLEEP_NEED_SECONDS,
    days: await dailyValuesHistory(db, userId),
    scores: [],
    risks: [],
    correlations: [],
  };
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10;
}
