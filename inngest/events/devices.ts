import { z } from "zod";

export const devicesEvents = {
  /** Pull recent data for one connection ("sync now" or the periodic sync). */
  "devices/sync.requested": z.object({
    connectionId: z.uuid(),
    userId: z.uuid(),
    kind: z.enum(["manual", "scheduled"]),
    syncRunId: z.uuid().optional(),
  }),
  /** Pull the last `days` days for a new connection, resumably. */
  "devices/backfill.requested": z.object({ connectionId: z.uuid(), userId: z.uuid(), days: z.number().int().min(1).max(730) }),
  /** The clock: time to queue the periodic provider syncs and token refreshes. `at` is the slot's start. */
  "clock/sync-due": z.object({ at: z.iso.datetime() }),
} as const;
