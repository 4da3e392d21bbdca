import { afterEach, describe, expect, it } from "vitest";
import { jobEvents, jobRuns, webhookDeliveries } from "@/db/schema";
import { requestMetrics } from "@/db/schema/ops";
import { withTestDb } from "@/db/testing";
import { RequestMetricsAggregator } from "../telemetry/aggregator";
import { saveMinuteBuckets } from "../telemetry/store";
import { cachedSystemStatus, readStatusInputs, readSystemStatus } from "./status-reader";

const test = withTestDb();
const now = new Date("2026-12-01T12:30:20Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

afterEach(async () => {
  await test.db.delete(requestMetrics);
  await test.db.delete(webhookDeliveries);
  await test.db.delete(jobEvents);
});

async function deliveries(provider: string, statuses: Record<"received" | "processed" | "ignored" | "failed", number>, receivedAt: Date) {
  const rows = Object.entries(statuses).flatMap(([status, n]) =>
    Array.from({ length: n }, (_, i) => ({ provider, idempotencyKey: `${provider}-${status}-${receivedAt.getTime()}-${i}`, eventType: "data", body: {}, status: status as "failed", receivedAt })),
  );
  if (rows.length) await test.db.insert(webhookDeliveries).values(rows);
}

async function runs(...given: { status: "queued" | "failed" | "completed"; runAfter?: Date; finishedAt?: Date }[]) {
  const [event] = await test.db.insert(jobEvents).values({ name: "test/event", data: {} }).returning();
  await test.db.insert(jobRuns).values(given.map((g, i) => ({ eventId: event!.id, functionId: `f-${i}`, maxAttempts: 3, status: g.status, runAfter: g.runAfter ?? now, finishedAt: g.finishedAt ?? null })));
}

describe("readStatusInputs", () => {
  it("sums the request minutes of every instance in the last 15 minutes, the current one included", async () => {
    const aggregator = new RequestMetricsAggregator();
    aggregator.record("/api/trpc/[trpc]", 200, 20, now);
    aggregator.record("/api/trpc/[trpc]", 500, 20, ago(14));
    aggregator.record("/api/status", 200, 3, ago(15)); // the minute 12:15 is outside the window
    await saveMinuteBuckets(test.db, "a", aggregator.drain());
    aggregator.record("/api/trpc/[trpc]", 200, 900, ago(2));
    await saveMinuteBuckets(test.db, "b", aggregator.drain());

    const inputs = await readStatusInputs(test.db, now, "local");
    expect(inputs.requests).toMatchObject({ count: 3, errors: 1 });
    expect(inputs.routes.map((r) => r.route)).toEqual(["/api/trpc/[trpc]"]);
  });

  it("rates each provider's finished deliveries of the last hour", async () => {
    await deliveries("oura", { received: 5, processed: 90, ignored: 5, failed: 5 }, ago(30));
    await deliveries("oura", { received: 0, processed: 0, ignored: 0, failed: 50 }, ago(61));
    await deliveries("whoop", { received: 2, processed: 0, ignored: 0, failed: 0 }, ago(10));
    const inputs = await readStatusInputs(test.db, now, "local");
    expect(inputs.webhooks.sort((a, b) => a.provider.localeCompare(b.provider))).toEqual([
      { provider: "oura", finished: 100, failed: 5 },
      { provider: "whoop", finished: 0, failed: 0 },
    ]);
  });

  it("counts runs failed in the last hour and the wait of the oldest due run", async () => {
    await runs(
      { status: "failed", finishedAt: ago(10) },
      { status: "failed", finishedAt: ago(59) },
      { status: "failed", finishedAt: ago(61) },
      { status: "completed", finishedAt: ago(1) },
      { status: "queued", runAfter: ago(7) },
      { status: "queued", runAfter: ago(1) },
      // Waiting for its backoff: not late.
      { status: "queued", runAfter: new Date(now.getTime() + 3_600_000) },
    );
    const inputs = await readStatusInputs(test.db, now, "local");
    expect(inputs.jobs).toEqual({ backend: "local", failed: 2, oldestDueAgeMs: 7 * 60_000 });
  });
});

describe("readSystemStatus", () => {
  it("turns what the database holds into colours", async () => {
    await deliveries("garmin", { received: 0, processed: 80, ignored: 0, failed: 20 }, ago(5));
    await runs({ status: "queued", runAfter: ago(6) });
    const report = await readSystemStatus(test.db, now);
    expect(report.checks.find((c) => c.id === "webhooks:garmin")).toMatchObject({ value: 80, status: "red" });
    expect(report.checks.find((c) => c.id === "request-latency-p95")).toMatchObject({ value: null, status: "green" });
    expect(report.status).toBe("red");
  });

  it("serves /api/status from a report at most 10 s old", async () => {
    const first = await cachedSystemStatus(test.db, now.getTime());
    await deliveries("garmin", { received: 0, processed: 0, ignored: 0, failed: 20 }, ago(5));
    expect(await cachedSystemStatus(test.db, now.getTime() + 9_000)).toBe(first);
    const later = await cachedSystemStatus(test.db, now.getTime() + 10_000);
    expect(later.checks.find((c) => c.id === "webhooks:garmin")?.status).toBe("red");
  });
});
