import { z } from "zod";

export const reportsEvents = {
  /** Make one user's weekly report of the week starting on `weekStart` (a Monday), unless it exists. */
  "reports/weekly.requested": z.object({ userId: z.uuid(), weekStart: z.iso.date() }),
  /** The clock, every hour: last week's report for the users for whom it is now early Monday. `at` is the slot's start. */
  "clock/weekly-reports-due": z.object({ at: z.iso.datetime() }),
} as const;
