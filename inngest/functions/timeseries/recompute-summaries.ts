import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { finishRecompute, planRecompute, recomputeBatch } from "@/server/health/timeseries/recompute";
import { defineFunction } from "../../define";

const RETRIES = 3;

/**
 * Re-computes all daily summaries of a user, a month of days per step (a restart resumes after
 * the last finished month); the row in `summary_recomputes` is the progress the devices page shows.
 * The insights follow once every day is re-computed.
 */
export const recomputeSummaries = defineFunction(
  { id: "recompute-summaries", event: "timeseries/recompute.requested", retries: RETRIES, concurrencyKey: "event.data.userId" },
  async ({ event, step, db, attempt }) => {
    const { recomputeId, userId } = event.data;
    const batches = await step.run("plan", () => planRecompute(db, recomputeId, userId));
    if (!batches) return { skipped: "superseded" };
    let done = 0;
    try {
      for (const [i, days] of batches.entries()) {
        const current = await step.run(`days-${i}`, () => recomputeBatch(db, recomputeId, userId, days, done));
        if (!current) return { skipped: "superseded", done };
        done += days.length;
      }
    } catch (error) {
      if (attempt >= RETRIES) await finishRecompute(db, recomputeId, "failed");
      throw error;
    }
    await step.run("finish", () => finishRecompute(db, recomputeId, "succeeded"));
    if (done > 0) await step.run("request-insights", () => requestInsightsRecompute(db, userId, "priority"));
    return { days: done, steps: batches.length };
  },
);
