import { z } from "zod";

export const ingestionEvents = {
  /** A verified webhook delivery was stored; ingest it. */
  "ingestion/webhook.received": z.object({ deliveryId: z.uuid(), provider: z.string().min(1), userId: z.uuid().nullable() }),
} as const;
