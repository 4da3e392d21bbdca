import { z } from "zod";

export const opsEvents = {
  /** Daily: request metrics older than their retention are pruned. */
  "clock/request-metrics-prune-due": z.object({ at: z.iso.datetime() }),
} as const;
