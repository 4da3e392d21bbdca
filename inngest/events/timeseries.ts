import { z } from "zod";

export const timeseriesEvents = {
  /** Re-compute every daily summary of the user (after a change of provider priority), in steps. */
  "timeseries/recompute.requested": z.object({ recomputeId: z.uuid(), userId: z.uuid() }),
} as const;
