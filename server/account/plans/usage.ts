import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { usageCounters } from "@/db/schema/plans";
import { userTimeZone } from "../profile/service";
import { localDate } from "@/server/health/local-date";
import type { MeteredFeature } from "./catalog";

/** The user's local calendar day now (usage resets at their midnight, not UTC's). */
export async function usageDay(db: Database, userId: string, now = new Date()): Promise<string> {
  return localDate(now, null, await userTimeZone(db, userId));
}

/**
 * Takes one use of `feature` on `day` if fewer than `limit` were taken (null: no limit), in one
 * statement so that concurrent requests cannot both take the last one. Returns the count after
 * taking, or null when the allowance is used up.
 */
export async function takeUse(db: Database, userId: string, feature: MeteredFeature, day: string, limit: number | null): Promise<number | null> {
  const [row] = await db
    .insert(usageCounters)
    .values({ userId, feature, day, count: 1 })
    .onConflictDoUpdate({
      target: [usageCounters.userId, usageCounters.feature, usageCounters.day],
      set: { count: sql`${usageCounters.count} + 1`, updatedAt: new Date() },
      where: limit === null ? undefined : sql`${usageCounters.count} < ${limit}`,
    })
    .returning({ count: usageCounters.count });
  if (!row) return null;
  // A first use against an allowance of 0 inserts a row the limit never allowed.
  if (limit !== null && row.count > limit) {
    await giveBackUse(db, userId, feature, day);
    return null;
  }
  return row.count;
}

/** Returns a use taken for work that then failed (the user keeps their allowance). */
export async function giveBackUse(db: Database, userId: string, feature: MeteredFeature, day: string): Promise<void> {
  await db
    .update(usageCounters)
    .set({ count: sql`greatest(${usageCounters.count} - 1, 0)` })
    .where(and(eq(usageCounters.userId, userId), eq(usageCounters.feature, feature), eq(usageCounters.day, day)));
}

/** Uses of each metered feature on `day`. */
export async function usageOn(db: Database, userId: string, day: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ feature: usageCounters.feature, count: usageCounters.count })
    .from(usageCounters)
    .where(and(eq(usageCounters.userId, userId), eq(usageCounters.day, day)));
  return new Map(rows.map((row) => [row.feature, row.count]));
}
