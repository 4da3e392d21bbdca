import { isTrendMetric, MAX_HOUR_RANGE_DAYS, TREND_BUCKETS, trendMetricInfo, type TrendBucketSize, type TrendMetric } from "@/server/health/analytics/trends/catalog";
import { parseDay, rangeEnding } from "./range";

/*
 * What the Trends page shows, kept in the URL so a view can be bookmarked and shared (pure):
 * ?metric=heart_rate&compare=hrv_rmssd&range=30&bucket=day, or range=custom&from=…&to=….
 */

export const RANGE_PRESETS = [7, 30, 90, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The longest custom range (the trends read's limit). */
export const MAX_CUSTOM_DAYS = 400;

export interface TrendChoice {
  metric: TrendMetric;
  compare: TrendMetric | null;
  range: RangePreset | "custom";
  from: string;
  to: string;
  bucket: TrendBucketSize;
}

export const DEFAULT_METRIC: TrendMetric = "resting_heart_rate";

type Params = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether hours can be shown for the metrics and range: readings through the day, a month at most. */
export function hoursAllowed(choice: Pick<TrendChoice, "metric" | "compare" | "from" | "to">): boolean {
  const daily = [choice.metric, choice.compare].some((m) => m !== null && trendMetricInfo(m).kind === "daily");
  return !daily && daysIn(choice.from, choice.to) <= MAX_HOUR_RANGE_DAYS;
}

/** The bucket that suits a range: hours for a day or two, days up to three months, weeks to a year, months beyond. */
export function defaultBucket(days: number): TrendBucketSize {
  return days <= 2 ? "hour" : days <= 92 ? "day" : days <= 400 ? "week" : "month";
}

/** The choice a URL asks for, with anything missing or invalid replaced by a sensible default. */
export function parseTrendChoice(params: Params, today: string): TrendChoice {
  const metricParam = single(params.metric);
  const metric = isTrendMetric(metricParam) ? metricParam : DEFAULT_METRIC;
  const compareParam = single(params.compare);
  const compare = isTrendMetric(compareParam) && compareParam !== metric ? compareParam : null;
  const rangeParam = single(params.range);
  let range: TrendChoice["range"] = RANGE_PRESETS.find((p) => String(p) === rangeParam) ?? 30;
  let { from, to } = rangeEnding(today, range);
  if (rangeParam === "custom") {
    const f = parseDay(params.from, today);
    const t = parseDay(params.to, today);
    if (f && t && f <= t && daysIn(f, t) <= MAX_CUSTOM_DAYS) {
      range = "custom";
      from = f;
      to = t;
    }
  }
  const bucketParam = single(params.bucket);
  let bucket = TREND_BUCKETS.find((b) => b === bucketParam) ?? defaultBucket(daysIn(from, to));
  if (bucket === "hour" && !hoursAllowed({ metric, compare, from, to })) bucket = "day";
  return { metric, compare, range, from, to, bucket };
}

/** The search string of a choice (the inverse of parseTrendChoice). */
export function trendChoiceSearch(choice: TrendChoice): string {
  const params = new URLSearchParams({ metric: choice.metric });
  if (choice.compare) params.set("compare", choice.compare);
  params.set("range", String(choice.range));
  if (choice.range === "custom") {
    params.set("from", choice.from);
    params.set("to", choice.to);
  }
  params.set("bucket", choice.bucket);
  return `?${params.toString()}`;
}

/** A choice moved to a preset range, with a bucket that suits it unless the current one still does. */
export function withPreset(choice: TrendChoice, preset: RangePreset, today: string): TrendChoice {
  const { from, to } = rangeEnding(today, preset);
  return fitBucket({ ...choice, range: preset, from, to });
}

export function withCustomRange(choice: TrendChoice, from: string, to: string): TrendChoice {
  return fitBucket({ ...choice, range: "custom", from, to });
}

function fitBucket(choice: TrendChoice): TrendChoice {
  const days = daysIn(choice.from, choice.to);
  if (choice.bucket === "hour" && !hoursAllowed(choice)) return { ...choice, bucket: days > 92 ? defaultBucket(days) : "day" };
  if (choice.bucket === "day" && days > 92) return { ...choice, bucket: defaultBucket(days) };
  return choice;
}
