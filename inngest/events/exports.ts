import { z } from "zod";

export const exportsEvents = {
  /** A user asked for an export (data_exports row queued). */
  "exports/requested": z.object({ exportId: z.uuid(), userId: z.uuid() }),
  /** Hourly: exports past their expiry lose their file. */
  "clock/exports-expiry-due": z.object({ at: z.iso.datetime() }),
} as const;
