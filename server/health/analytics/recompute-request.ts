import type { Database } from "@/db";
import type { RECOMPUTE_REASONS } from "@/inngest/events/analytics";
import { emit } from "../../platform/jobs/emit";

export type RecomputeReason = (typeof RECOMPUTE_REASONS)[number];

/**
 * Asks for a recompute of the user's insights. The job is debounced per user, so a burst of
 * webhooks (a backfill) costs one recompute after it settles, not one per delivery.
 */
export async function requestInsightsRecompute(db: Database, userId: string, reason: RecomputeReason): Promise<void> {
  await emit(db, "analytics/recompute.requested", { userId, reason });
}
