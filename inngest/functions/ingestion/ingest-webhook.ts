import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { processDelivery } from "@/server/health/ingestion/process-delivery";
import { defineFunction } from "../../define";

/** A stored webhook delivery → raw records → samples → daily rollups, one user at a time; then fresh insights if anything changed. */
export const ingestWebhook = defineFunction(
  { id: "ingest-webhook", event: "ingestion/webhook.received", retries: 5, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) => {
    const outcome = await step.run("ingest-delivery", () => processDelivery(db, event.data.deliveryId));
    const { userId } = outcome;
    if (outcome.status === "processed" && outcome.changed > 0 && userId) {
      await step.run("request-insights", () => requestInsightsRecompute(db, userId, "ingestion"));
    }
    return outcome;
  },
);
