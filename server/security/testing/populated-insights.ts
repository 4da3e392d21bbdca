import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { aiRequests, energyScores, recommendations, riskFlags } from "@/db/schema/analytics";
import { dailySummaries } from "@/db/schema/timeseries";
import { startFakeOpenAI } from "@/server/ai/testing/fake-openai";
import { localDate } from "@/server/health/local-date";
import { DEFAULT_SLEEP_NEED_SECONDS } from "@/server/health/metrics";
import { energyScoreStage } from "@/server/health/analytics/energy-score/stage";
import { createRecommendationsStage } from "@/server/health/analytics/recommendations/stage";
import { narrativeForEveryItem } from "@/server/health/analytics/recommendations/testing/fake-narratives";
import { risksStage } from "@/server/health/analytics/risks/stage";
import type { InsightContext } from "@/server/health/analytics/stage";

/**
 * A user's energy scores, risk flags, recommendations and AI requests through their real paths:
 * those stages, in the recompute's order, over the stored daily summaries, the narrative through
 * the AI gateway against a local fake of the OpenAI API. Needs a history that raises a flag (the caller posts
 * days of raised resting HR on top of the demo wearable's months).
 */
export async function populateInsights(db: Database, userId: string, timeZone: string): Promise<void> {
  const fake = await startFakeOpenAI();
  try {
    fake.reply(narrativeForEveryItem);
    const rows = await db.select({ date: dailySummaries.localDate, values: dailySummaries.values }).from(dailySummaries).where(eq(dailySummaries.userId, userId)).orderBy(asc(dailySummaries.localDate));
    const ctx: InsightContext = {
      db,
      userId,
      today: localDate(new Date(), null, timeZone),
      timeZone,
      sleepNeedSeconds: DEFAULT_SLEEP_NEED_SECONDS,
      days: rows,
      scores: [],
      risks: [],
      correlations: [],
    };
    await energyScoreStage.run(ctx);
    await risksStage.run(ctx);
    await createRecommendationsStage({ aiConfig: () => fake.config() }).run(ctx);
    for (const [name, table] of [
      ["energy_scores", energyScores],
      ["risk_flags", riskFlags],
      ["recommendations", recommendations],
      ["ai_requests", aiRequests],
    ] as const) {
      const [row] = await db.select({ userId: table.userId }).from(table).where(eq(table.userId, userId)).limit(1);
      if (!row) throw new Error(`populateInsights: no ${name} row (${rows.length} days of summaries, today ${ctx.today})`);
    }
  } finally {
    await fake.close();
  }
}
