import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores } from "@/db/schema/analytics";
import { fromIncoming, slicesOf } from "@/db/upsert";
import type { InsightStage } from "../stage";
import { scoreDays, type DayScore } from "./score-days";
import { effectiveScoreWeights } from "./weights-store";

const UPSERT_CHUNK = 200;

/** Writes the scored days and removes the rows of days the history no longer has. */
export async function saveScores(db: Database, userId: string, days: readonly DayScore[]): Promise<void> {
  const dates = days.map((d) => d.date);
  await db
    .delete(energyScores)
    .where(and(eq(energyScores.userId, userId), sql`not (${energyScores.localDate} = any(${sql.param(dates)}::date[]))`));
  for (const slice of slicesOf(days, UPSERT_CHUNK)) {
    await db
      .insert(energyScores)
      .values(
        slice.map((d) => ({
          userId,
          localDate: d.date,
          state: d.state,
          score: d.score,
          status: d.status,
          confidence: d.confidence,
          calibrationDaysLeft: d.calibrationDaysLeft,
          contributors: d.contributors,
          metrics: d.metrics,
          guard: d.guard,
        })),
      )
      .onConflictDoUpdate({
        target: [energyScores.userId, energyScores.localDate],
        set: {
          ...fromIncoming(energyScores, ["state", "score", "status", "confidence", "calibrationDaysLeft", "contributors", "metrics", "guard"]),
          computedAt: sql`now()`,
        },
      });
  }
}

/** First stage of the recompute: every day of the history scored with the user's weights, stored, and left in ctx.scores. */
export const energyScoreStage: InsightStage = {
  name: "energy-score",
  async run(ctx) {
    const weights = await effectiveScoreWeights(ctx.db, ctx.userId);
    const scored = scoreDays(ctx.days, { sleepNeedSeconds: ctx.sleepNeedSeconds, timeZone: ctx.timeZone, weights });
    await saveScores(ctx.db, ctx.userId, scored);
    ctx.scores = scored;
  },
};
