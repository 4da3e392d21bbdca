import { z } from "zod";

export const RECOMPUTE_REASONS = ["ingestion", "import", "priority", "weights", "nightly", "manual", "journal"] as const;

export const analyticsEvents = {
  /** Re-compute a user's scores, baselines, risks, correlations, forecasts and recommendations (debounced per user). */
  "analytics/recompute.requested": z.object({ userId: z.uuid(), reason: z.enum(RECOMPUTE_REASONS) }),
  /** The clock, every hour: the nightly recompute of the users for whom it is now the small hours. `at` is the slot's start. */
  "clock/insights-due": z.object({ at: z.iso.datetime() }),
} as const;
