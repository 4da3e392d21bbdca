import { eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { authRateLimits } from "@/db/schema/auth";
import { AppError } from "../../errors";

export interface CounterSpec {
  key: string;
  windowSeconds: number;
}

export interface CounterState {
  key: string;
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends and the counter starts again from zero. */
  resetAt: Date;
}

/**
 * Counts one hit on each counter in a single atomic upsert (safe across instances).
 * A counter whose window has ended starts a new window at `now`.
 */
export async function hitCounters(db: Database, specs: CounterSpec[], now: Date = new Date()): Promise<CounterState[]> {
  if (specs.length === 0) return [];
  const rows = await db
    .insert(authRateLimits)
    .values(
      specs.map((spec) => ({
        key: spec.key,
        hits: 1,
        windowStartedAt: now,
        expiresAt: new Date(now.getTime() + spec.windowSeconds * 1000),
      })),
    )
    .onConflictDoUpdate({
      target: authRateLimits.key,
      set: {
        hits: sql`case when ${authRateLimits.expiresAt} <= excluded.window_started_at then 1 else ${authRateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${authRateLimits.expiresAt} <= excluded.window_started_at then excluded.window_started_at else ${authRateLimits.windowStartedAt} end`,
        expiresAt: sql`case when ${authRateLimits.expiresAt} <= excluded.window_started_at then excluded.expires_at else ${authRateLimits.expiresAt} end`,
      },
    })
    .returning({ key: authRateLimits.key, hits: authRateLimits.hits, resetAt: authRateLimits.expiresAt });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return specs.map((spec) => {
    const row = byKey.get(spec.key);
    if (!row) throw new Error(`rate limit counter ${spec.key} was not returned`);
    return row;
  });
}

/** Takes back one hit (for attempts that were refused before doing any work). */
export async function unhitCounters(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(authRateLimits)
    .set({ hits: sql`greatest(${authRateLimits.hits} - 1, 0)` })
    .where(inArray(authRateLimits.key, keys));
}

export async function resetCounters(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(authRateLimits).where(inArray(authRateLimits.key, keys));
}

/** Current state without counting a hit; null when the counter is unused or its window ended. */
export async function readCounter(db: Database, key: string, now: Date = new Date()): Promise<CounterState | null> {
  const [row] = await db
    .select({ key: authRateLimits.key, hits: authRateLimits.hits, resetAt: authRateLimits.expiresAt })
    .from(authRateLimits)
    .where(eq(authRateLimits.key, key))
    .limit(1);
  return row && row.resetAt > now ? row : null;
}

/** Whole seconds until `resetAt`, at least 1 (the Retry-After value). */
export function secondsUntil(resetAt: Date, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

export interface RateLimitRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one request against every rule; throws TOO_MANY_REQUESTS (with Retry-After) when any
 * rule is over its limit. Refused requests are not counted, so a caller who waits gets through.
 */
export async function enforceRateLimits(db: Database, rules: RateLimitRule[], now: Date = new Date()): Promise<void> {
  const states = await hitCounters(db, rules, now);
  const exceeded = states.filter((state, i) => state.hits > (rules[i]?.limit ?? Infinity));
  if (exceeded.length === 0) return;
  await unhitCounters(
    db,
    states.map((s) => s.key),
  );
  const retryAfter = Math.max(...exceeded.map((state) => secondsUntil(state.resetAt, now)));
  throw AppError.tooManyRequests(retryAfter, `Too many requests. Try again in ${describeWait(retryAfter)}.`);
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Drops counters whose window ended long ago (keeps the table small). */
export async function pruneExpiredCounters(db: Database, now: Date = new Date()): Promise<void> {
  await db.delete(authRateLimits).where(lt(authRateLimits.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}
