import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { dailySummaries } from "@/db/schema/timeseries";
import { createUser } from "@/server/account/auth/users";
import { addDays, localDate } from "@/server/health/local-date";
import { callerFor, sessionFor } from "@/server/testing";
import { clampChartRange, clampRange, clampWeeks, historyStart, historyStartOn } from "./history";
import { onPlan } from "./testing";

const handle = withTestDb();

describe("the history window", () => {
  it("free reads the last 90 days counted from the local today; paid plans all of it", () => {
    expect(historyStartOn("free", "2026-12-01")).toBe("2026-09-03");
    expect(historyStartOn("pro", "2026-12-01")).toBeNull();
    expect(historyStartOn("team", "2026-12-01")).toBeNull();
  });

  it("clamps a range to the window, refuses one wholly before it (charts: its first day), and leaves the rest alone", () => {
    const start = "2026-09-03";
    expect(clampRange({ from: "2026-01-01", to: "2026-12-01", bucket: "day" }, start)).toEqual({ from: start, to: "2026-12-01", bucket: "day" });
    expect(clampRange({ from: "2026-01-01", to: "2026-02-01" }, start)).toBeNull();
    // Backwards ranges are left to the read's own check (a 400 naming the field).
    expect(clampRange({ from: "2026-02-01", to: "2026-01-01" }, start)).toEqual({ from: "2026-02-01", to: "2026-01-01" });
    expect(clampChartRange({ from: "2026-01-01", to: "2026-02-01" }, start)).toEqual({ from: start, to: start });
    expect(clampChartRange({ from: "2026-01-01", to: "2026-12-01" }, start)).toEqual({ from: start, to: "2026-12-01" });
    expect(clampRange({ from: "2026-10-01", to: "2026-11-01" }, start)).toEqual({ from: "2026-10-01", to: "2026-11-01" });
    expect(clampRange({ from: "2020-01-01", to: "2026-11-01" }, null)).toEqual({ from: "2020-01-01", to: "2026-11-01" });
    expect(clampWeeks(52, { historyDays: 90 })).toBe(12);
    expect(clampWeeks(8, { historyDays: 90 })).toBe(8);
    expect(clampWeeks(52, { historyDays: null })).toBe(52);
  });

  it("timeseries.range gives free the last 90 days only, and Pro everything", async () => {
    const user = await createUser(handle.db, { email: `history-${crypto.randomUUID()}@example.com` });
    const today = localDate(new Date(), null, "UTC");
    const days = [0, 30, 89, 90, 200].map((back) => addDays(today, -back));
    await handle.db.insert(dailySummaries).values(days.map((day) => ({ userId: user.id, localDate: day, values: { steps: 1000 }, sources: {}, rolling: {} })));
    const caller = callerFor(handle.db, sessionFor(user));
    expect(await historyStart(handle.db, user.id)).toBe(addDays(today, -89));
    const read = async () => (await caller.timeseries.range({ from: addDays(today, -365), to: today })).map((d) => d.localDate);
    expect(await read()).toEqual(days.slice(0, 3).reverse());
    expect(await caller.timeseries.range({ from: addDays(today, -300), to: addDays(today, -150) })).toEqual([]);
    await onPlan(handle.db, user.id, "pro");
    expect(await read()).toEqual([...days].reverse());
  });
});
