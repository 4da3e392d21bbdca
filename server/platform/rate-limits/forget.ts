import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema/rate-limits";

/**
 * Removes the stored counters whose key names `needle` (an erased account's id). Counters of the
 * embedded memory store live only in the process and expire with their window.
 */
export async function forgetRateLimitsMentioning(db: Database, needle: string): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(sql`position(${needle} in ${rateLimits.key}) > 0`)
    .returning({ key: rateLimits.key });
  return deleted.length;
}
