import type { Database } from "@/db";
import { pruneRequestMetrics } from "./store";

/** How long request-metrics minutes are kept: a week of history behind the 15-minute status. */
export const REQUEST_METRICS_RETENTION_DAYS = 7;

/** Deletes the minutes older than the retention, counted back from `now`; returns the rows deleted. */
export function pruneExpiredRequestMetrics(db: Database, now: Date): Promise<number> {
  return pruneRequestMetrics(db, new Date(now.getTime() - REQUEST_METRICS_RETENTION_DAYS * 86_400_000));
}
