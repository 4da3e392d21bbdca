import { pruneExpiredRequestMetrics } from "@/server/platform/telemetry/retention";
import { defineFunction } from "../../define";

/** Daily: request-metrics minutes older than the retention go (the status reads the last 15 minutes). */
export const pruneRequestMetricsJob = defineFunction({ id: "prune-request-metrics", event: "clock/request-metrics-prune-due", retries: 2 }, async ({ event, step, db }) => {
  const deleted = await step.run("prune", () => pruneExpiredRequestMetrics(db, new Date(event.data.at)));
  return { deleted };
});
