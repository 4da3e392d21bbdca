import { addCounts, bucketIndex, emptyCounts, type LatencyCounts } from "./histogram";

/** One route's requests in one minute, as this process saw them. */
export interface MinuteBucket {
  /** Start of the minute (UTC). */
  minute: Date;
  route: string;
  count: number;
  /** Answers with a 5xx status (a thrown handler counts as 500). */
  errors: number;
  durationMsSum: number;
  latency: LatencyCounts;
}

export const MINUTE_MS = 60_000;

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

/**
 * Counts requests in memory, per minute and route, until they are drained and written in one
 * statement: recording a request costs a map lookup, never a database write.
 */
export class RequestMetricsAggregator {
  private buckets = new Map<string, MinuteBucket>();

  record(route: string, status: number, durationMs: number, at: Date = new Date()): void {
    const bucket = this.bucketFor(route, minuteOf(at));
    bucket.count += 1;
    if (status >= 500) bucket.errors += 1;
    bucket.durationMsSum += durationMs;
    const index = bucketIndex(durationMs);
    bucket.latency[index] = (bucket.latency[index] ?? 0) + 1;
  }

  /** Takes everything recorded so far (the aggregator is empty afterwards). */
  drain(): MinuteBucket[] {
    const drained = [...this.buckets.values()];
    this.buckets = new Map();
    return drained;
  }

  /** Puts drained buckets back (a flush that failed), merged with what was recorded since. */
  restore(buckets: readonly MinuteBucket[]): void {
    for (const given of buckets) {
      const bucket = this.bucketFor(given.route, given.minute);
      bucket.count += given.count;
      bucket.errors += given.errors;
      bucket.durationMsSum += given.durationMsSum;
      addCounts(bucket.latency, given.latency);
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  private bucketFor(route: string, minute: Date): MinuteBucket {
    const key = `${minute.getTime()} ${route}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { minute, route, count: 0, errors: 0, durationMsSum: 0, latency: emptyCounts() };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
