import { and, gte, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { requestMetrics } from "@/db/schema/ops";
import type { MinuteBucket } from "./aggregator";
import { addCounts, emptyCounts, quantileMs, type LatencyCounts } from "./histogram";

/**
 * Adds drained buckets to this instance's rows in one statement: a minute flushed twice (every few
 * seconds) adds up, counts and histogram alike.
 */
export async function saveMinuteBuckets(db: Database, instance: string, buckets: readonly MinuteBucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await db
    .insert(requestMetrics)
    .values(buckets.map((b) => ({ minute: b.minute, route: b.route, instance, count: b.count, errors: b.errors, durationMsSum: b.durationMsSum, latency: b.latency })))
    .onConflictDoUpdate({
      target: [requestMetrics.minute, requestMetrics.route, requestMetrics.instance],
      set: {
        count: sql`${requestMetrics.count} + excluded.count`,
        errors: sql`${requestMetrics.errors} + excluded.errors`,
        durationMsSum: sql`${requestMetrics.durationMsSum} + excluded.duration_ms_sum`,
        latency: sql`array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${requestMetrics.latency}, excluded.latency) with ordinality as u(a, b, i) order by i)`,
      },
    });
}

export interface RequestWindowStats {
  count: number;
  errors: number;
  /** 95th percentile latency, interpolated in its histogram bucket; null without requests. */
  p95Ms: number | null;
  latency: LatencyCounts;
  routes: { route: string; count: number; errors: number; p95Ms: number | null }[];
}

/** Requests of every instance in [from, to) minutes, summed per route and overall. */
export async function readRequestWindow(db: Database, from: Date, to: Date): Promise<RequestWindowStats> {
  const rows = await db
    .select({ route: requestMetrics.route, count: requestMetrics.count, errors: requestMetrics.errors, latency: requestMetrics.latency })
    .from(requestMetrics)
    .where(and(gte(requestMetrics.minute, from), lt(requestMetrics.minute, to)));
  const perRoute = new Map<string, { count: number; errors: number; latency: LatencyCounts }>();
  for (const row of rows) {
    const route = perRoute.get(row.route) ?? { count: 0, errors: 0, latency: emptyCounts() };
    route.count += row.count;
    route.errors += row.errors;
    addCounts(route.latency, row.latency);
    perRoute.set(row.route, route);
  }
  const latency = emptyCounts();
  let count = 0;
  let errors = 0;
  for (const route of perRoute.values()) {
    count += route.count;
    errors += route.errors;
    addCounts(latency, route.latency);
  }
  const routes = [...perRoute.entries()]
    .map(([route, s]) => ({ route, count: s.count, errors: s.errors, p95Ms: quantileMs(s.latency, 0.95) }))
    .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
  return { count, errors, p95Ms: quantileMs(latency, 0.95), latency, routes };
}

/** Deletes the buckets of minutes before `before`; returns how many rows went. */
export async function pruneRequestMetrics(db: Database, before: Date): Promise<number> {
  const deleted = await db.delete(requestMetrics).where(lt(requestMetrics.minute, before)).returning({ minute: requestMetrics.minute });
  return deleted.length;
}
