import { describe, expect, it } from "vitest";
import { requestMetrics } from "@/db/schema/ops";
import { withTestDb } from "@/db/testing";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { RequestMetricsAggregator } from "@/server/platform/telemetry/aggregator";
import { saveMinuteBuckets } from "@/server/platform/telemetry/store";
import { schedules, slotStart } from "../../schedules";

const handle = withTestDb({ inProcessJobs: true });

describe("the daily request-metrics retention", () => {
  it("is on the clock once a day", () => {
    const schedule = schedules.find((s) => s.event === "clock/request-metrics-prune-due");
    expect(schedule).toMatchObject({ cron: "0 0 * * *", everyMs: 86_400_000 });
    expect(slotStart(schedule!, new Date("2026-12-01T17:41:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("deletes the minutes older than 7 days and keeps the rest", async () => {
    const at = new Date("2026-12-08T00:00:00.000Z");
    const aggregator = new RequestMetricsAggregator();
    aggregator.record("/api/trpc/[trpc]", 200, 10, new Date("2026-11-30T23:59:00Z"));
    aggregator.record("/api/trpc/[trpc]", 200, 10, new Date("2026-12-01T00:00:00Z"));
    aggregator.record("/api/trpc/[trpc]", 200, 10, new Date("2026-12-07T23:00:00Z"));
    await saveMinuteBuckets(handle.db, "a", aggregator.drain());

    await emit(handle.db, "clock/request-metrics-prune-due", { at: at.toISOString() }, { id: `request-metrics-retention-${at.toISOString()}` });
    const drained = await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(drained.outcomes.failed ?? 0).toBe(0);
    const left = (await handle.db.select().from(requestMetrics)).map((r) => r.minute.toISOString()).sort();
    expect(left).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-07T23:00:00.000Z"]);
  });
});
