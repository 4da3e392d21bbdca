import type { AiConfig } from "../../../ai/config";
import type { InsightStage } from "../stage";
import { evaluateRecommendations, inputFromContext } from "./evaluate";
import { narrateRecommendations } from "./narrative";
import { saveRecommendations } from "./store";

export interface RecommendationsStageOptions {
  /** The AI gateway's configuration (default: from the environment, read on each run). */
  aiConfig?: () => AiConfig;
}

/**
 * Today's recommendations from the rules over the score, the active risks and the correlations
 * (the stages before this one), narrated through the AI gateway when a key is set, stored for today.
 */
export function createRecommendationsStage(options: RecommendationsStageOptions = {}): InsightStage {
  return {
    name: "recommendations",
    async run(ctx) {
      const input = inputFromContext(ctx);
      const fired = evaluateRecommendations(input);
      const narratives = await narrateRecommendations(ctx.db, ctx.userId, input, fired, options.aiConfig?.());
      await saveRecommendations(ctx.db, ctx.userId, ctx.today, fired, narratives);
    },
  };
}

export const recommendationsStage = createRecommendationsStage();
