import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores } from "@/db/schema/analytics";
import { dailySummaries } from "@/db/schema/timeseries";
import { auditAdminAction, type AdminActor } from "../admin-audit";
import { requireUser } from "./detail";

/** How many of the most recent days an admin's look at someone's health data covers. */
export const HEALTH_DATA_DAYS = 30;

/**
 * A bounded summary of a user's health data for an admin who gave a reason (support, a data
 * question): the last HEALTH_DATA_DAYS daily summaries and energy scores, nothing raw. The opening
 * and its reason are audited before anything is read.
 */
export async function openHealthData(db: Database, actor: AdminActor, input: { userId: string; reason: string }) {
  await requireUser(db, input.userId);
  await auditAdminAction(db, actor, { action: "admin.health-data-opened", subjectUserId: input.userId, details: { reason: input.reason, days: HEALTH_DATA_DAYS } });
  const [summaries, scores] = await Promise.all([
    db
      .select({ localDate: dailySummaries.localDate, values: dailySummaries.values })
      .from(dailySummaries)
      .where(eq(dailySummaries.userId, input.userId))
      .orderBy(desc(dailySummaries.localDate))
      .limit(HEALTH_DATA_DAYS),
    db
      .select({ localDate: energyScores.localDate, state: energyScores.state, score: energyScores.score, status: energyScores.status })
      .from(energyScores)
      .where(eq(energyScores.userId, input.userId))
      .orderBy(desc(energyScores.localDate))
      .limit(HEALTH_DATA_DAYS),
  ]);
  return { days: HEALTH_DATA_DAYS, summaries, scores };
}
