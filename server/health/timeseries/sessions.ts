import { and, asc, desc, eq, gte, lte, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sleepSessions, workouts } from "@/db/schema";
import { decodeCursor, toPage, type Paginated } from "../../pagination";
import { providerRanking } from "./priority";

/* Read side of the stored sleep sessions and workouts, for the pages (the rollup reads its own). */

export type StoredSleepSession = typeof sleepSessions.$inferSelect;
export type StoredWorkout = typeof workouts.$inferSelect;

/** Every sleep session (nights and naps, every source) filed under a local day in [from, to], oldest first. */
export async function sleepSessionsBetween(db: Database, userId: string, from: string, to: string): Promise<StoredSleepSession[]> {
  return db
    .select()
    .from(sleepSessions)
    .where(and(eq(sleepSessions.userId, userId), gte(sleepSessions.localDate, from), lte(sleepSessions.localDate, to)))
    .orderBy(asc(sleepSessions.startAt), asc(sleepSessions.id));
}

/**
 * Workouts on local days in [from, to], newest first, a page at a time. Like the rollup's count,
 * a day shows the workouts of its highest-priority source only, so one run recorded by two
 * providers is listed once.
 */
export async function workoutsPage(
  db: Database,
  userId: string,
  q: { from: string; to: string; cursor?: string | null; limit: number },
): Promise<Paginated<StoredWorkout>> {
  const position = decodeCursor(q.cursor);
  const rank = await providerRanking(db, userId);
  const sources = await db.selectDistinct({ source: workouts.source }).from(workouts).where(eq(workouts.userId, userId));
  const order = sources.map((s) => s.source).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const better = sql`array_position(${sql.param(order)}::text[], w2.source) < array_position(${sql.param(order)}::text[], ${workouts.source})`;
  const rows = await db
    .select()
    .from(workouts)
    .where(
      and(
        eq(workouts.userId, userId),
        gte(workouts.localDate, q.from),
        lte(workouts.localDate, q.to),
        sql`not exists (select 1 from ${workouts} w2 where w2.user_id = ${workouts.userId} and w2.local_date = ${workouts.localDate} and ${better})`,
        position ? or(lt(workouts.startAt, position.at), and(eq(workouts.startAt, position.at), lt(workouts.id, position.id))) : undefined,
      ),
    )
    .orderBy(desc(workouts.startAt), desc(workouts.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (w) => w.startAt);
}
