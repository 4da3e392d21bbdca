import { processDelivery } from "@/server/health/ingestion/process-delivery";
import { defineFunction } from "../../define";

/** A stored webhook delivery → raw records → samples → daily rollups, one user at a time. */
export const ingestWebhook = defineFunction(
  { id: "ingest-webhook", event: "ingestion/webhook.received", retries: 5, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) => step.run("ingest-delivery", () => processDelivery(db, event.data.deliveryId)),
);
