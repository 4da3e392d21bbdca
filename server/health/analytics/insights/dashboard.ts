import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { profiles, users } from "@/db/schema";
import { AppError } from "../../../errors";
import type { RecommendationStatus } from "../types";
import type { DashboardView } from "./schemas";

/** How many of the day's open recommendations the dashboard shows. */
export const DASHBOARD_RECOMMENDATIONS = 3;
/** Days of scores in the dashboard's trend, ending today. */
export const DASHBOARD_TREND_DAYS = 7;

/*
 * One statement, one round trip, prepared once per connection (planning this statement costs
 * more than running it): the dashboard is the page opened every morning and is held to ≥ 0.7 of a
 * constant procedure's throughput. It reads the user's row and profile, and every part beside is
 * an index range scan on (user_id, …): energy_scores' primary key, recommendations_user_status_idx,
 * risk_flags_user_day_idx, provider_connections_user_provider_uq and daily_summaries' primary key.
 * "Today" is the user's local date at `now` in the profile's time zone; the recommendations shown
 * are those of the newest day that has any (today, or yesterday before today's are made).
 */
const userId = sql.placeholder("userId");
const today = sql`((${sql.placeholder("now")}::timestamptz at time zone coalesce(${profiles.timeZone}, 'UTC'))::date)`;

// Per status, so each is a backward range scan of recommendations_user_status_idx (user_id, status, local_date).
const newestDayWith = (status: RecommendationStatus) => sql`(
  select max(local_date) from recommendations
  where user_id = ${userId} and status = ${sql.raw(`'${status}'`)} and local_date between ${today} - 1 and ${today}
)`;
const recommendationDay = sql`greatest(${newestDayWith("open")}, ${newestDayWith("done")}, ${newestDayWith("dismissed")})`;

const dashboardJson = sql<RawDashboard | string>`json_build_object(
  'today', ${today}::text,
  'latest', (
    select json_build_object(
      'localDate', s.local_date, 'state', s.state, 'score', s.score, 'status', s.status, 'confidence', s.confidence,
      'calibrationDaysLeft', s.calibration_days_left, 'contributors', s.contributors, 'metrics', s.metrics,
      'guard', s.guard, 'computedAt', s.computed_at)
    from energy_scores s where s.user_id = ${userId} order by s.local_date desc limit 1
  ),
  'trend', (
    select coalesce(json_agg(json_build_object('localDate', s.local_date, 'state', s.state, 'score', s.score, 'status', s.status) order by s.local_date), '[]'::json)
    from energy_scores s
    where s.user_id = ${userId} and s.local_date > ${today} - ${sql.raw(String(DASHBOARD_TREND_DAYS))} and s.local_date <= ${today}
  ),
  'recommendations', (
    select coalesce(json_agg(json_build_object(
      'id', r.id, 'localDate', r.local_date, 'title', r.title, 'body', r.body, 'narrative', r.narrative,
      'expectedImpact', r.expected_impact, 'priority', r.priority, 'basis', r.basis, 'status', r.status,
      'statusChangedAt', r.status_changed_at) order by r.priority, r.id), '[]'::json)
    from (
      select * from recommendations r
      where r.user_id = ${userId} and r.status = 'open' and r.local_date = ${recommendationDay}
      order by r.priority, r.id limit ${sql.raw(String(DASHBOARD_RECOMMENDATIONS))}
    ) r
  ),
  'openRecommendations', (
    select count(*) from recommendations r
    where r.user_id = ${userId} and r.status = 'open' and r.local_date = ${recommendationDay}
  ),
  'risks', (
    select coalesce(json_agg(json_build_object(
      'id', f.id, 'kind', f.kind, 'localDate', f.local_date, 'severity', f.severity, 'title', f.title,
      'detail', f.detail, 'evidence', f.evidence)
      order by case f.severity when 'high' then 0 when 'moderate' then 1 else 2 end, f.local_date desc, f.kind), '[]'::json)
    from (
      select distinct on (f.kind) f.* from risk_flags f
      where f.user_id = ${userId} and f.local_date between ${today} - 1 and ${today}
      order by f.kind, f.local_date desc
    ) f
  ),
  'sync', json_build_object(
    'lastSyncAt', (select max(c.last_sync_at) from provider_connections c where c.user_id = ${userId}),
    'connections', (select count(*) from provider_connections c where c.user_id = ${userId} and c.status in ('pending', 'active', 'error'))
  ),
  'hasData', exists (select 1 from daily_summaries d where d.user_id = ${userId})
)`;

const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();

function prepare(db: Database) {
  return db
    .select({ dashboard: dashboardJson })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId))
    .prepare("insights_dashboard");
}

/** The row json_build_object hands back, before its timestamps become Dates. */
type RawDashboard = Omit<DashboardView, "latest" | "recommendations" | "sync"> & {
  latest: (Omit<NonNullable<DashboardView["latest"]>, "computedAt"> & { computedAt: string }) | null;
  recommendations: (Omit<DashboardView["recommendations"][number], "statusChangedAt"> & { statusChangedAt: string | null })[];
  sync: { lastSyncAt: string | null; connections: number };
};

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/** Everything the dashboard shows, in one database round trip. */
export async function readDashboard(db: Database, forUser: string, now: Date = new Date()): Promise<DashboardView> {
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, (statement = prepare(db)));
  const [row] = await statement.execute({ userId: forUser, now: now.toISOString() });
  if (!row) throw AppError.notFound("Account");
  const raw: RawDashboard = typeof row.dashboard === "string" ? (JSON.parse(row.dashboard) as RawDashboard) : row.dashboard;
  return {
    ...raw,
    latest: raw.latest ? { ...raw.latest, computedAt: new Date(raw.latest.computedAt) } : null,
    recommendations: raw.recommendations.map((r) => ({ ...r, statusChangedAt: dateOrNull(r.statusChangedAt) })),
    openRecommendations: Number(raw.openRecommendations),
    sync: { lastSyncAt: dateOrNull(raw.sync.lastSyncAt), connections: Number(raw.sync.connections) },
  };
}
