import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { recommendations } from "@/db/schema";
import { AppError } from "../../../errors";
import { decodeKeyCursor, toKeyPage, type Paginated, type PaginationInput } from "../../../pagination";
import type { RecommendationStatus } from "../types";
import type { RecommendationView } from "../insights/schemas";

const columns = {
  id: recommendations.id,
  localDate: recommendations.localDate,
  title: recommendations.title,
  body: recommendations.body,
  narrative: recommendations.narrative,
  expectedImpact: recommendations.expectedImpact,
  priority: recommendations.priority,
  basis: recommendations.basis,
  status: recommendations.status,
  statusChangedAt: recommendations.statusChangedAt,
};

const DAY_MS = 86_400_000;
/** Newest day first, then by priority: as one ascending key, the day counts down. */
const dayKey = sql`(date '1970-01-01' - ${recommendations.localDate})`;
const keysOf = (row: RecommendationView) => [-Date.parse(`${row.localDate}T00:00:00Z`) / DAY_MS, row.priority] as const;

/** The user's recommendations (of one status, or all), newest day first and by priority within a day. */
export async function listActionPlan(db: Database, userId: string, input: PaginationInput & { status?: RecommendationStatus }): Promise<Paginated<RecommendationView>> {
  const after = decodeKeyCursor(input.cursor, 2, { integers: true });
  const rows = await db
    .select(columns)
    .from(recommendations)
    .where(
      and(
        eq(recommendations.userId, userId),
        input.status ? eq(recommendations.status, input.status) : undefined,
        after ? sql`(${dayKey}, ${recommendations.priority}, ${recommendations.id}) > (${after.keys[0]}::int, ${after.keys[1]}::int, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(dayKey, recommendations.priority, recommendations.id)
    .limit(input.limit + 1);
  return toKeyPage(rows, input.limit, keysOf);
}

/** How many of the user's recommendations are in each status. */
export async function countActionPlan(db: Database, userId: string): Promise<Record<RecommendationStatus, number>> {
  const rows = await db
    .select({ status: recommendations.status, n: sql<number>`count(*)::int` })
    .from(recommendations)
    .where(eq(recommendations.userId, userId))
    .groupBy(recommendations.status);
  const counts: Record<RecommendationStatus, number> = { open: 0, done: 0, dismissed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Marks one of the user's recommendations; another user's id is NOT_FOUND, like a made-up one. */
export async function markRecommendation(db: Database, userId: string, id: string, status: RecommendationStatus): Promise<RecommendationView> {
  const [row] = await db
    .update(recommendations)
    .set({ status, statusChangedAt: new Date() })
    .where(and(eq(recommendations.id, id), eq(recommendations.userId, userId)))
    .returning(columns);
  if (!row) throw AppError.notFound("Recommendation");
  return row;
}
