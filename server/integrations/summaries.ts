import { and, desc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { dailySummaries } from "@/db/schema";

export type DailySummary = typeof dailySummaries.$inferSelect;

/** The user's daily summaries between two local dates (inclusive), oldest first. */
export async function summariesBetween(db: Database, userId: string, from: string, to: string): Promise<DailySummary[]> {
  return db
    .select()
    .from(dailySummaries)
    .where(and(eq(dailySummaries.userId, userId), gte(dailySummaries.localDate, from), lte(dailySummaries.localDate, to)))
    .orderBy(dailySummaries.localDate);
}

/** The most recent day with any data, or null before the first sync. */
export async function latestSummary(db: Database, userId: string): Promise<DailySummary | null> {
  const [row] = await db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId)).orderBy(desc(dailySummaries.localDate)).limit(1);
  return row ?? null;
}
