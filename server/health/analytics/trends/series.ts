import { and, eq, gte, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores } from "@/db/schema";
import { AppError } from "@/server/errors";
import { addDays, startOfLocalDay } from "../../local-date";
import { querySeries, type SeriesBucket } from "../../timeseries/read";
import { assertSummaryRange, summariesBetween } from "../../timeseries/summaries";
import { bucketDays, type CanonicalBucket, type DayPoint } from "./buckets";
import { isSeriesMetric, MAX_HOUR_RANGE_DAYS, trendMetricInfo, type TrendBucketSize, type TrendMetric } from "./catalog";
import { displayUnit, sumToDisplay, toDisplay } from "./units";
import type { TrendView } from "./view";

export interface TrendSeriesQuery {
  metric: TrendMetric;
  /** First and last local day of the range (inclusive). */
  from: string;
  to: string;
  bucket: TrendBucketSize;
}

export interface TrendBucket extends CanonicalBucket {
  /** hour: the local hour with its offset (2026-03-29T03:00+02:00); day: 2026-03-29; week: its Monday; month: 2026-03. */
  key: string;
}

export interface TrendSeries {
  metric: TrendMetric;
  label: string;
  bucket: TrendBucketSize;
  timeZone: string;
  unit: string;
  decimals: number;
  /** Day values that add up (steps, energy): charted as bars. */
  additive: boolean;
  /** The figure to chart: an hour of steps is its sum, anything else its mean (for a week of steps, the mean day). */
  headline: "avg" | "sum";
  /** In the user's units, ordered by time. */
  buckets: TrendBucket[];
}

/** Checks a trend query; each error names its field. */
export function assertTrendQuery(q: TrendSeriesQuery): void {
  assertSummaryRange(q.from, q.to);
  if (q.bucket !== "hour") return;
  if (!isSeriesMetric(q.metric)) throw AppError.field("bucket", `${trendMetricInfo(q.metric).label} is one value per day: choose days, weeks or months.`);
  if (q.to > addDays(q.from, MAX_HOUR_RANGE_DAYS - 1)) throw AppError.field("to", `Hours can be shown for up to ${MAX_HOUR_RANGE_DAYS} days; choose days for a longer range.`);
}

/** One metric over a range of the user's local days, bucketed, in the user's units (see buckets.ts for what a bucket holds). */
export async function trendSeries(db: Database, userId: string, q: TrendSeriesQuery, view: TrendView): Promise<TrendSeries> {
  assertTrendQuery(q);
  const info = trendMetricInfo(q.metric);
  const canonical = q.bucket === "hour" ? await hourBuckets(db, userId, q, view) : bucketDays(await dayPoints(db, userId, q, view), q.bucket);
  const u = displayUnit(q.metric, view.prefs);
  return {
    metric: q.metric,
    label: info.label,
    bucket: q.bucket,
    timeZone: view.timeZone,
    unit: u.label,
    decimals: u.decimals,
    additive: info.additive,
    headline: info.additive && q.bucket === "hour" ? "sum" : "avg",
    buckets: canonical.map((b) => ({
      ...b,
      avg: toDisplay(q.metric, b.avg, view.prefs),
      min: toDisplay(q.metric, b.min, view.prefs),
      max: toDisplay(q.metric, b.max, view.prefs),
      sum: sumToDisplay(q.metric, b.sum, b.count, view.prefs),
    })),
  };
}

/** The range as instants: from the start of `from` to the start of the day after `to`, in the user's zone. */
function instantsOf(q: TrendSeriesQuery, timeZone: string) {
  return { from: startOfLocalDay(q.from, timeZone), to: startOfLocalDay(addDays(q.to, 1), timeZone) };
}

async function hourBuckets(db: Database, userId: string, q: TrendSeriesQuery, view: TrendView): Promise<CanonicalBucket[]> {
  if (!isSeriesMetric(q.metric)) return [];
  const hours = await querySeries(db, { userId, metric: q.metric, bucket: "hour", timeZone: view.timeZone, ...instantsOf(q, view.timeZone) });
  return hours.map((h) => ({ key: h.key, avg: h.avg, min: h.min, max: h.max, sum: h.sum, count: h.count, readings: h.count }));
}

/**
 * Per local day the rolled-up value; for series metrics with the readings' min and max when the
 * day's value came from the same source's readings.
 */
async function dayPoints(db: Database, userId: string, q: TrendSeriesQuery, view: TrendView): Promise<DayPoint[]> {
  if (q.metric === "score") return scorePoints(db, userId, q);
  const metric = q.metric;
  // A minute's steps say nothing about a day's: the extremes of additive metrics are the days' own values.
  const spread = isSeriesMetric(metric) && !trendMetricInfo(metric).additive;
  const rows = await summariesBetween(db, userId, q.from, q.to);
  const readings: Map<string, SeriesBucket> = spread && isSeriesMetric(metric)
    ? new Map((await querySeries(db, { userId, metric, bucket: "day", timeZone: view.timeZone, ...instantsOf(q, view.timeZone) })).map((d) => [d.key, d]))
    : new Map();
  const points: DayPoint[] = [];
  for (const row of rows) {
    const value = row.values[metric];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const day = readings.get(row.localDate);
    const fromReadings = day !== undefined && day.source === row.sources[metric];
    points.push({
      date: row.localDate,
      value,
      min: fromReadings ? Math.min(day.min, value) : value,
      max: fromReadings ? Math.max(day.max, value) : value,
      readings: fromReadings ? day.count : null,
    });
  }
  return points;
}

async function scorePoints(db: Database, userId: string, q: TrendSeriesQuery): Promise<DayPoint[]> {
  const rows = await db
    .select({ date: energyScores.localDate, score: energyScores.score })
    .from(energyScores)
    .where(and(eq(energyScores.userId, userId), gte(energyScores.localDate, q.from), lte(energyScores.localDate, q.to), isNotNull(energyScores.score)))
    .orderBy(energyScores.localDate);
  return rows.map((r) => ({ date: r.date, value: r.score!, min: r.score!, max: r.score!, readings: null }));
}
