import { addDays } from "../../local-date";
import type { InsightContext } from "../stage";
import type { Recommendation, RecommendationInput } from "./model";
import { RECOMMENDATION_RULES } from "./rules";

/** Every rule that fires for `input`, by priority (rule order within a priority) (pure). */
export function evaluateRecommendations(input: RecommendationInput, rules = RECOMMENDATION_RULES): Recommendation[] {
  const fired: Recommendation[] = [];
  for (const rule of rules) {
    const made = rule.when(input);
    if (made) fired.push({ ruleId: rule.id, ...made });
  }
  return fired.sort((a, b) => a.priority - b.priority);
}

/** The rules' view of a recompute: today's scored day (else yesterday's), the active risks, the correlations. */
export function inputFromContext(ctx: InsightContext): RecommendationInput {
  const scored = new Map(ctx.scores.filter((s) => s.state === "scored").map((s) => [s.date, s]));
  return {
    today: ctx.today,
    score: scored.get(ctx.today) ?? scored.get(addDays(ctx.today, -1)) ?? null,
    risks: ctx.risks,
    correlations: ctx.correlations,
    days: ctx.days,
    scores: ctx.scores,
    sleepNeedSeconds: ctx.sleepNeedSeconds,
  };
}
