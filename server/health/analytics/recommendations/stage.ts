import type { AiConfig } from "../../../ai/config";
import type { InsightContext, InsightStage } from "../stage";
import { evaluateRecommendations, inputFromContext } from "./evaluate";
import type { Recommendation, RecommendationInput } from "./model";
import { narrateRecommendations } from "./narrative";
import { saveNarratives, saveRecommendations } from "./store";

export interface RecommendationsStageOptions {
  /** The AI gateway's configuration (default: from the environment, read on each run). */
  aiConfig?: () => AiConfig;
}

/**
 * Today's recommendations from the rules over the score, the active risks and the correlations
 * (the stages before this one), stored for today; once the recompute has committed, narrated
 * through the AI gateway when a key is set.
 */
export function createRecommendationsStage(options: RecommendationsStageOptions = {}): InsightStage {
  const firedBy = new WeakMap<InsightContext, { input: RecommendationInput; fired: Recommendation[] }>();
  return {
    name: "recommendations",
    async run(ctx) {
      const input = inputFromContext(ctx);
      const fired = evaluateRecommendations(input);
      await saveRecommendations(ctx.db, ctx.userId, ctx.today, fired);
      firedBy.set(ctx, { input, fired });
    },
    async afterCommit(ctx) {
      const done = firedBy.get(ctx);
      if (!done?.fired.length) return;
      const narratives = await narrateRecommendations(ctx.db, ctx.userId, done.input, done.fired, options.aiConfig?.());
      await saveNarratives(ctx.db, ctx.userId, ctx.today, narratives);
    },
  };
}

export const recommendationsStage = createRecommendationsStage();
