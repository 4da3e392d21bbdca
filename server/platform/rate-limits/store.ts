import { getTableName } from "drizzle-orm";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { driverOf, type Database } from "@/db";
import { rateLimits } from "@/db/schema/rate-limits";
import type { LimitRule } from "./rules";

/**
 * The limiter of a rule on one database: rate-limiter-flexible's Postgres store on a Postgres
 * server (every instance sees the same counters), its memory store on embedded PGlite (a single
 * process by design). Limiters belong to their database handle, so each test database starts
 * with fresh counters; the map lives on globalThis because Next may load this module twice.
 */
export function limiterFor(db: Database, rule: LimitRule): RateLimiterAbstract {
  const stores = storesOnGlobal();
  let byRule = stores.get(db);
  if (!byRule) stores.set(db, (byRule = new Map()));
  let limiter = byRule.get(rule.name);
  if (!limiter) {
    // One limiter per database sweeps expired rows of the shared table (the library's timer, every 5 minutes).
    limiter = createLimiter(db, rule, byRule.size === 0);
    byRule.set(rule.name, limiter);
  }
  // One limiter (one memory store) per rule name; a setting changed since (tests) applies in place.
  limiter.points = rule.points;
  limiter.duration = rule.windowSeconds;
  return limiter;
}

/** The memory limiter of a rule on a database, if it has one (to find its counters by key prefix). */
export function memoryLimiterOf(db: Database, ruleName: string): RateLimiterMemory | null {
  const limiter = storesOnGlobal().get(db)?.get(ruleName);
  // Duck-typed: with the module loaded twice, instanceof could compare two copies of the class.
  return limiter && typeof (limiter as Partial<RateLimiterMemory>).dump === "function" ? (limiter as RateLimiterMemory) : null;
}

export const RATE_LIMIT_TABLE = getTableName(rateLimits);

function createLimiter(db: Database, rule: LimitRule, sweeps: boolean): RateLimiterAbstract {
  const driver = driverOf(db);
  if (!driver) throw new Error("Rate limits count on a database handle from db/index.ts, not on a transaction.");
  const options = { keyPrefix: rule.name, points: rule.points, duration: rule.windowSeconds };
  if (!driver.pool) return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: driver.pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: sweeps,
  });
}

const storesKey = Symbol.for("biosync.rate-limits");
type GlobalWithStores = typeof globalThis & { [storesKey]?: WeakMap<Database, Map<string, RateLimiterAbstract>> };

function storesOnGlobal() {
  const g = globalThis as GlobalWithStores;
  return (g[storesKey] ??= new WeakMap());
}
