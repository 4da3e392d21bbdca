import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { aiRequests, correlations, energyScores, forecastAccuracy, forecasts, recommendations, riskFlags } from "@/db/schema/analytics";
import { startFakeOpenAI } from "@/server/ai/testing/fake-openai";
import { recomputeInsights } from "@/server/health/analytics/recompute";
import { createRecommendationsStage } from "@/server/health/analytics/recommendations/stage";
import { narrativeForEveryItem } from "@/server/health/analytics/recommendations/testing/fake-narratives";
import { INSIGHT_STAGES } from "@/server/health/analytics/stages";

/**
 * A user's insights through their real path: the recompute over the stored daily summaries, with
 * the narrative through the AI gateway against a local fake of the OpenAI API. Needs a history that
 * raises a flag (the caller posts days of raised resting HR on top of the demo wearable's months).
 */
export async function populateInsights(db: Database, userId: string): Promise<void> {
  const fake = await startFakeOpenAI();
  try {
    fake.reply(narrativeForEveryItem);
    const withFakeAi = createRecommendationsStage({ aiConfig: () => fake.config() });
    const result = await recomputeInsights(db, userId, { stages: INSIGHT_STAGES.map((s) => (s.name === withFakeAi.name ? withFakeAi : s)) });
    for (const [name, table] of [
      ["energy_scores", energyScores],
      ["risk_flags", riskFlags],
      ["correlations", correlations],
      ["forecasts", forecasts],
      ["forecast_accuracy", forecastAccuracy],
      ["recommendations", recommendations],
      ["ai_requests", aiRequests],
    ] as const) {
      const [row] = await db.select({ userId: table.userId }).from(table).where(eq(table.userId, userId)).limit(1);
      if (!row) throw new Error(`populateInsights: no ${name} row (${result.days} days of summaries, today ${result.today})`);
    }
  } finally {
    await fake.close();
  }
}
