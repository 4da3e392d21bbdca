import type { Database } from "@/db";
import type { DayValues } from "@/server/health/timeseries/rolling";
import type { InsightContext, ScoredDay } from "../stage";

/** An InsightContext as the orchestrator would hand it to the stages after the energy score. */
export function historyContext(db: Database, userId: string, input: { today: string; days: DayValues[]; scores: ScoredDay[] }): InsightContext {
  return { db, userId, today: input.today, timeZone: "UTC", sleepNeedSeconds: 8 * 3600, days: input.days, scores: input.scores, risks: [], correlations: [] };
}
