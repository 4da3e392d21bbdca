import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { driverOf } from "@/db";
import { rateLimits } from "@/db/schema/rate-limits";
import { createTestDb, withTestDb } from "@/db/testing";
import { AppError } from "../../errors";
import { clearCountersByPrefix, countRequest, enforceRateLimits } from "./enforce";
import type { LimitRule, RateCheck } from "./rules";

const handle = withTestDb();

const t0 = new Date("2031-01-01T00:00:00Z");
const at = (seconds: number) => vi.setSystemTime(new Date(t0.getTime() + seconds * 1000));
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(() => {
  vi.useRealTimers();
});

const rule = (name: string, points: number, windowSeconds = 60): LimitRule => ({ name, scope: "user", points, windowSeconds, shows: "test" });
const checks = (name: string, points: number, key = "k"): RateCheck[] => [{ rule: rule(name, points), key }];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("enforceRateLimits", () => {
  it("lets `points` requests through per window, then answers TOO_MANY_REQUESTS with the seconds left", async () => {
    at(0);
    for (let i = 0; i < 3; i++) await enforceRateLimits(handle.db, checks("t-basic", 3));
    at(20);
    const refused = await refusal(enforceRateLimits(handle.db, checks("t-basic", 3)));
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfter: 40, message: "Too many requests. Try again in 40 seconds." });
    at(60);
    await enforceRateLimits(handle.db, checks("t-basic", 3));
  });

  it("does not count refused requests, on any of the checks", async () => {
    at(0);
    const both = (): RateCheck[] => [...checks("t-wide", 10), ...checks("t-narrow", 1)];
    await enforceRateLimits(handle.db, both());
    for (let i = 0; i < 5; i++) await refusal(enforceRateLimits(handle.db, both()));
    const [wide] = await countRequest(handle.db, checks("t-wide", 10));
    expect(wide?.used).toBe(2);
  });

  it("keeps counters per key", async () => {
    at(0);
    await enforceRateLimits(handle.db, checks("t-keys", 1, "alice"));
    await enforceRateLimits(handle.db, checks("t-keys", 1, "bob"));
    expect((await refusal(enforceRateLimits(handle.db, checks("t-keys", 1, "alice")))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("forgets the counters of a rule by key prefix", async () => {
    at(0);
    for (const key of ["a@example.com|1.1.1.1", "a@example.com|2.2.2.2", "b@example.com|1.1.1.1"]) await enforceRateLimits(handle.db, checks("t-prefix", 1, key));
    await clearCountersByPrefix(handle.db, "t-prefix", "a@example.com|");
    await enforceRateLimits(handle.db, checks("t-prefix", 1, "a@example.com|1.1.1.1"));
    await enforceRateLimits(handle.db, checks("t-prefix", 1, "a@example.com|2.2.2.2"));
    await refusal(enforceRateLimits(handle.db, checks("t-prefix", 1, "b@example.com|1.1.1.1")));
  });
});

describe("the store", () => {
  it("is the Postgres table on a server and memory on PGlite", async () => {
    at(0);
    await enforceRateLimits(handle.db, checks("t-store", 5, "who"));
    const rows = await handle.db.select().from(rateLimits);
    if (driverOf(handle.db)?.pool) expect(rows).toContainEqual({ key: "t-store:who", points: 1, expire: t0.getTime() + 60_000 });
    else expect(rows).toEqual([]);
  });

  it("belongs to its database: another database starts with fresh counters", async () => {
    at(0);
    await enforceRateLimits(handle.db, checks("t-fresh", 1));
    const other = await createTestDb();
    try {
      await enforceRateLimits(other.db, checks("t-fresh", 1));
    } finally {
      await other.close();
    }
    await refusal(enforceRateLimits(handle.db, checks("t-fresh", 1)));
  });

  it("refuses a transaction (it has no pool of its own to count on)", async () => {
    await expect(handle.db.transaction((tx) => enforceRateLimits(tx, checks("t-tx", 1)))).rejects.toThrow(/not on a transaction/);
  });
});
