import { like } from "drizzle-orm";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { driverOf, type Database } from "@/db";
import { rateLimits } from "@/db/schema/rate-limits";
import { AppError } from "../../errors";
import type { RateCheck } from "./rules";
import { limiterFor, memoryLimiterOf } from "./store";

export interface CheckResult {
  check: RateCheck;
  /** Requests counted in the current window, this one included. */
  used: number;
  over: boolean;
  /** Whole seconds until the window ends (at least 1): the Retry-After value. */
  retryAfter: number;
}

/** Counts one request on every check and says which are over their limit. */
export async function countRequest(db: Database, checks: readonly RateCheck[]): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check) => {
      const limiter = limiterFor(db, check.rule);
      const settled = await limiter.consume(check.key).then(
        (res) => ({ res, over: false }),
        (refusal: unknown) => {
          // The library refuses with the counter's state; a store failure is an Error.
          if (refusal instanceof Error || !refusal) throw refusal;
          return { res: refusal as RateLimiterRes, over: true };
        },
      );
      return { check, used: settled.res.consumedPoints, over: settled.over, retryAfter: secondsOf(settled.res.msBeforeNext) };
    }),
  );
}

/** Takes back the request just counted (a refused request must not lengthen the wait). */
export async function refundRequest(db: Database, checks: readonly RateCheck[]): Promise<void> {
  await Promise.all(checks.map((check) => limiterFor(db, check.rule).reward(check.key, 1)));
}

/** Forgets the counters of these checks. */
export async function clearCounters(db: Database, checks: readonly RateCheck[]): Promise<void> {
  await Promise.all(checks.map((check) => limiterFor(db, check.rule).delete(check.key)));
}

/** Forgets every counter of a rule whose key starts with `keyPrefix` (e.g. one account's counters on every IP). */
export async function clearCountersByPrefix(db: Database, ruleName: string, keyPrefix: string): Promise<void> {
  if (driverOf(db)?.pool) {
    const pattern = `${ruleName}:${keyPrefix}`.replace(/[\\%_]/g, (c) => `\\${c}`);
    await db.delete(rateLimits).where(like(rateLimits.key, `${pattern}%`));
    return;
  }
  const limiter = memoryLimiterOf(db, ruleName);
  if (!limiter) return;
  const keys = limiter.dump().storage.map((entry) => String(entry.key));
  await Promise.all(keys.filter((key) => key.startsWith(keyPrefix)).map((key) => limiter.delete(key)));
}

/**
 * Counts one request against every check; throws TOO_MANY_REQUESTS (with Retry-After) when any
 * is over its limit. Refused requests are not counted, so a caller who waits gets through.
 */
export async function enforceRateLimits(db: Database, checks: readonly RateCheck[]): Promise<void> {
  const results = await countRequest(db, checks);
  const over = results.filter((r) => r.over);
  if (over.length === 0) return;
  await refundRequest(db, checks);
  const retryAfter = Math.max(...over.map((r) => r.retryAfter));
  throw AppError.tooManyRequests(retryAfter, `Too many requests. Try again in ${describeWait(retryAfter)}.`);
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
