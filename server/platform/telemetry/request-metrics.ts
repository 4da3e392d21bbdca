import { randomUUID } from "node:crypto";
import { getDbHandle, type Database } from "@/db";
import { logger } from "../../logger";
import { RequestMetricsAggregator } from "./aggregator";
import { saveMinuteBuckets } from "./store";

/** How often an instance writes what it counted (one statement per flush, whatever the traffic). */
export const FLUSH_INTERVAL_MS = 5_000;

interface RecorderState {
  aggregator: RequestMetricsAggregator;
  /** This process's id in request_metrics rows: instances never write each other's rows. */
  instance: string;
  timer?: NodeJS.Timeout;
}

// On globalThis: Next may load this module twice in one process, and both copies must count into one place.
const globalKey = Symbol.for("biosync.requestMetrics");
type GlobalWithRecorder = typeof globalThis & { [globalKey]?: RecorderState };

function state(): RecorderState {
  const g = globalThis as GlobalWithRecorder;
  g[globalKey] ??= { aggregator: new RequestMetricsAggregator(), instance: randomUUID() };
  return g[globalKey];
}

/** Counts one answered request (in memory; written by the next flush). */
export function recordRequest(route: string, status: number, durationMs: number, at: Date = new Date()): void {
  state().aggregator.record(route, status, durationMs, at);
}

/**
 * Writes everything counted so far; returns the number of minute buckets written. A failed write
 * (database down) puts the counts back for the next flush and rethrows.
 */
export async function flushRequestMetrics(db: Database): Promise<number> {
  const { aggregator, instance } = state();
  const buckets = aggregator.drain();
  try {
    await saveMinuteBuckets(db, instance, buckets);
    return buckets.length;
  } catch (error) {
    aggregator.restore(buckets);
    throw error;
  }
}

/** Starts the periodic flush of this process (once; the server's start-up hook calls it). */
export function startRequestMetricsFlush(intervalMs: number = FLUSH_INTERVAL_MS): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => {
    if (s.aggregator.size === 0) return;
    void getDbHandle()
      .then(({ db }) => flushRequestMetrics(db))
      .catch((error: unknown) => logger.warn({ err: error }, "request metrics flush failed; kept for the next one"));
  }, intervalMs);
  s.timer.unref();
}

export function stopRequestMetricsFlush(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  delete s.timer;
}

/** Drops what this process counted and not yet wrote (tests). */
export function discardRequestMetrics(): void {
  state().aggregator.drain();
}
