import { findUserById } from "@/server/account/auth/users";
import { recomputeInsights } from "@/server/health/analytics/recompute";
import { activeRiskFlags } from "@/server/health/analytics/risks/recovery-alert";
import { defineFunction } from "../../define";

/** How long a user's data must be quiet before their insights are recomputed (a backfill is one burst). */
export const INSIGHTS_DEBOUNCE_PERIOD = "10s";

/**
 * Scores, baselines, risks, correlations, forecasts and recommendations of one user, recomputed
 * from their daily summaries after ingestion (debounced per user) and nightly. One step: the
 * recompute is one transaction, so a retry starts it over.
 */
export const recomputeInsightsJob = defineFunction(
  {
    id: "recompute-insights",
    event: "analytics/recompute.requested",
    retries: 3,
    concurrencyKey: "event.data.userId",
    debounce: { key: "event.data.userId", period: INSIGHTS_DEBOUNCE_PERIOD },
  },
  async ({ event, step, db, logger }) => {
    const result = await step.run("recompute", async () => {
      const { userId, reason } = event.data;
      if (!(await findUserById(db, userId))) return { skipped: "user not found" as const };
      const result = await recomputeInsights(db, userId);
      const stages = result.stages.map((s) => `${s.name} ${s.ms} ms`).join(", ");
      logger.info(`insights recomputed (${reason}): ${result.days} days in ${result.totalMs} ms${stages ? ` (${stages})` : ""}`);
      return { reason, ...result };
    });
    // A flag the recompute stored may be news: the recovery alert goes out now, not at the next summary.
    if ("today" in result && (await step.run("active-flags", async () => (await activeRiskFlags(db, result.userId, result.today)).length > 0))) {
      await step.sendEvent("recovery-alert", { name: "notifications/user.due", data: { userId: result.userId, at: new Date().toISOString(), kinds: ["recovery-alert"] } });
    }
    return result;
  },
);
