import { addDays } from "../../local-date";

/*
 * Days into day, week and month buckets (pure). A day carries its rolled-up value (the daily
 * summary's, which already chose between provider totals and readings) and, when that value came
 * from readings, the readings' lowest and highest value and how many there were. A bucket's avg
 * is the mean of its days' values (for steps: the mean day), min and max the extremes of its days'
 * min and max, sum the days' values added up, count the days with a value.
 */

export type DayBucketSize = "day" | "week" | "month";

export interface DayPoint {
  date: string;
  value: number;
  min: number;
  max: number;
  /** Readings behind the day's value; null when it is a provider's day total or a derived value. */
  readings: number | null;
}

export interface CanonicalBucket {
  key: string;
  avg: number;
  min: number;
  max: number;
  sum: number;
  /** Hour: readings; day, week, month: days with a value. */
  count: number;
  readings: number | null;
}

/** The Monday of the ISO week a date lies in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function dayBucketKey(date: string, bucket: DayBucketSize): string {
  return bucket === "day" ? date : bucket === "week" ? mondayOf(date) : date.slice(0, 7);
}

export function bucketDays(days: readonly DayPoint[], bucket: DayBucketSize): CanonicalBucket[] {
  const byKey = new Map<string, CanonicalBucket>();
  for (const d of days) {
    const key = dayBucketKey(d.date, bucket);
    const b = byKey.get(key);
    if (!b) {
      byKey.set(key, { key, avg: 0, min: d.min, max: d.max, sum: d.value, count: 1, readings: d.readings });
      continue;
    }
    b.min = Math.min(b.min, d.min);
    b.max = Math.max(b.max, d.max);
    b.sum += d.value;
    b.count += 1;
    b.readings = b.readings === null && d.readings === null ? null : (b.readings ?? 0) + (d.readings ?? 0);
  }
  return [...byKey.values()].map((b) => ({ ...b, avg: b.sum / b.count })).sort((a, b) => (a.key < b.key ? -1 : 1));
}
