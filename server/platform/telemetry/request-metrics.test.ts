import { afterEach, describe, expect, it } from "vitest";
import { requestMetrics } from "@/db/schema/ops";
import { withTestDb } from "@/db/testing";
import { RequestMetricsAggregator } from "./aggregator";
import { discardRequestMetrics, flushRequestMetrics, recordRequest } from "./request-metrics";
import { pruneRequestMetrics, readRequestWindow, saveMinuteBuckets } from "./store";

const test = withTestDb();
const minute = (m: number) => new Date(Date.UTC(2026, 11, 1, 12, m));

afterEach(async () => {
  discardRequestMetrics();
  await test.db.delete(requestMetrics);
});

describe("request metrics", () => {
  it("counts in memory and writes one row per minute and route on flush", async () => {
    recordRequest("/api/trpc/[trpc]", 200, 12, new Date(minute(1).getTime() + 5_000));
    recordRequest("/api/trpc/[trpc]", 500, 30, new Date(minute(1).getTime() + 40_000));
    recordRequest("/api/trpc/[trpc]", 200, 700, minute(2));
    recordRequest("/api/webhooks/[provider]", 202, 8, minute(2));
    expect(await test.db.select().from(requestMetrics)).toEqual([]);

    expect(await flushRequestMetrics(test.db)).toBe(3);
    const rows = await test.db.select().from(requestMetrics);
    expect(rows).toHaveLength(3);
    const first = rows.find((r) => r.route === "/api/trpc/[trpc]" && r.minute.getTime() === minute(1).getTime());
    expect(first).toMatchObject({ count: 2, errors: 1, durationMsSum: 42 });
    expect(first?.latency.reduce((a, b) => a + b, 0)).toBe(2);
    // Nothing is left to write.
    expect(await flushRequestMetrics(test.db)).toBe(0);
  });

  it("adds a second flush of the same minute to the row, histogram included", async () => {
    recordRequest("/api/status", 200, 3, minute(5));
    await flushRequestMetrics(test.db);
    recordRequest("/api/status", 503, 3000, minute(5));
    await flushRequestMetrics(test.db);
    const rows = await test.db.select().from(requestMetrics);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, errors: 1 });
    expect(rows[0]?.latency[0]).toBe(1);
    expect(rows[0]?.latency.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("sums the rows of several instances when read", async () => {
    for (const instance of ["a", "b"]) {
      const aggregator = new RequestMetricsAggregator();
      for (let i = 0; i < 10; i++) aggregator.record("/api/trpc/[trpc]", i === 0 ? 500 : 200, instance === "a" ? 20 : 800, minute(10));
      await saveMinuteBuckets(test.db, instance, aggregator.drain());
    }
    const stats = await readRequestWindow(test.db, minute(0), minute(15));
    expect(stats).toMatchObject({ count: 20, errors: 2 });
    // Half the requests took 800 ms: the p95 is in the [500, 1000) bucket.
    expect(stats.p95Ms).toBeGreaterThanOrEqual(500);
    expect(stats.p95Ms).toBeLessThan(1000);
    expect(stats.routes).toEqual([{ route: "/api/trpc/[trpc]", count: 20, errors: 2, p95Ms: stats.p95Ms }]);
    // Outside the window: nothing.
    expect((await readRequestWindow(test.db, minute(11), minute(15))).count).toBe(0);
  });

  it("keeps the counts when a flush fails, for the next one", async () => {
    recordRequest("/api/status", 200, 3, minute(7));
    const broken = { insert: () => { throw new Error("database down"); } } as unknown as typeof test.db;
    await expect(flushRequestMetrics(broken)).rejects.toThrow("database down");
    expect(await flushRequestMetrics(test.db)).toBe(1);
    expect((await test.db.select().from(requestMetrics))[0]?.count).toBe(1);
  });

  it("prunes minutes older than the cut-off", async () => {
    const aggregator = new RequestMetricsAggregator();
    aggregator.record("/api/status", 200, 1, minute(1));
    aggregator.record("/api/status", 200, 1, minute(3));
    await saveMinuteBuckets(test.db, "a", aggregator.drain());
    expect(await pruneRequestMetrics(test.db, minute(2))).toBe(1);
    expect((await test.db.select().from(requestMetrics)).map((r) => r.minute)).toEqual([minute(3)]);
  });
});
