import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { recommendations } from "@/db/schema/analytics";
import type { Recommendation } from "./model";

/**
 * Writes the day's recommendations: one row per (user, rule, day), text, impact, priority, basis
 * and narrative refreshed on every recompute, the user's mark (status, statusChangedAt) never
 * touched. Today's rows still open whose rule no longer fires are removed; marked ones stay as
 * the record of what the user did.
 */
export async function saveRecommendations(db: Database, userId: string, localDate: string, fired: Recommendation[], narratives: ReadonlyMap<string, string>): Promise<void> {
  const stale = [eq(recommendations.userId, userId), eq(recommendations.localDate, localDate), eq(recommendations.status, "open")];
  await db.delete(recommendations).where(fired.length ? and(...stale, notInArray(recommendations.ruleId, fired.map((r) => r.ruleId))) : and(...stale));
  if (!fired.length) return;
  await db
    .insert(recommendations)
    .values(
      fired.map((r) => ({
        userId,
        ruleId: r.ruleId,
        localDate,
        title: r.title,
        body: r.body,
        expectedImpact: r.expectedImpact,
        priority: r.priority,
        basis: r.basis,
        narrative: narratives.get(r.ruleId) ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [recommendations.userId, recommendations.ruleId, recommendations.localDate],
      set: {
        title: sql`excluded.title`,
        body: sql`excluded.body`,
        expectedImpact: sql`excluded.expected_impact`,
        priority: sql`excluded.priority`,
        basis: sql`excluded.basis`,
        narrative: sql`excluded.narrative`,
      },
    });
}
