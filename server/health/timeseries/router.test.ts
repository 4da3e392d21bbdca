import { describe, expect, it } from "vitest";
import { dailySummaries, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { callerFor, sessionFor } from "../../testing";
import type { SessionUser } from "../../trpc";

const handle = withTestDb();

async function user(email: string): Promise<SessionUser> {
  const [row] = await handle.db.insert(users).values({ email }).returning();
  // Reads of any range of days: Pro (the free plan's 90 days are tested in server/account/plans).
  await onPlan(handle.db, row!.id, "pro");
  return sessionFor(row!);
}

describe("summaries router", () => {
  it("returns only the caller's days, in order, and the latest one", async () => {
    const alice = await user("alice-s@example.com");
    const bob = await user("bob-s@example.com");
    await handle.db.insert(dailySummaries).values([
      { userId: alice.id, localDate: "2026-06-02", values: { steps: 9000 }, sources: { steps: "demo" } },
      { userId: alice.id, localDate: "2026-06-01", values: { steps: 8000 }, sources: { steps: "demo" } },
      { userId: bob.id, localDate: "2026-06-03", values: { steps: 1 }, sources: { steps: "demo" } },
    ]);
    const days = await callerFor(handle.db, alice).timeseries.range({ from: "2026-06-01", to: "2026-06-30" });
    expect(days.map((d) => [d.localDate, d.values.steps])).toEqual([
      ["2026-06-01", 8000],
      ["2026-06-02", 9000],
    ]);
    expect((await callerFor(handle.db, alice).timeseries.latest())?.localDate).toBe("2026-06-02");
    expect(await callerFor(handle.db, await user("new-s@example.com")).timeseries.latest()).toBeNull();
  });

  it("rejects bad ranges with the field, and anonymous callers", async () => {
    const alice = await user("carol-s@example.com");
    await expect(callerFor(handle.db, alice).timeseries.range({ from: "2026-06-10", to: "2026-06-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(handle.db, alice).timeseries.range({ from: "2026-13-01", to: "2026-06-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(handle.db, null).timeseries.latest()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
