import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { recommendations } from "@/db/schema/analytics";
import { fromIncoming } from "@/db/upsert";
import type { Recommendation } from "./model";

/**
 * Writes the day's recommendations: one row per (user, rule, day), text, impact, priority and basis
 * refreshed on every recompute, the user's mark (status, statusChangedAt) never
 * touched. Today's rows still open whose rule no longer fires are removed; marked ones stay as
 * the record of what the user did.
 */
export async function saveRecommendations(db: Database, userId: string, localDate: string, fired: Recommendation[]): Promise<void> {
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
      })),
    )
    .onConflictDoUpdate({
      target: [recommendations.userId, recommendations.ruleId, recommendations.localDate],
      set: {
        ...fromIncoming(recommendations, ["title", "body", "expectedImpact", "priority", "basis"]),
        // A narrative tells the previous text: it goes with it (the next one follows the commit).
        narrative: sql`case when ${recommendations.body} = excluded.body then ${recommendations.narrative} end`,
      },
    });
}

/** The AI gateway's retelling of today's recommendations, by rule (null clears it); rules without one keep theirs. */
export async function saveNarratives(db: Database, userId: string, localDate: string, narratives: ReadonlyMap<string, string | null>): Promise<void> {
  for (const [ruleId, narrative] of narratives) {
    await db
      .update(recommendations)
      .set({ narrative })
      .where(and(eq(recommendations.userId, userId), eq(recommendations.localDate, localDate), eq(recommendations.ruleId, ruleId)));
  }
}
