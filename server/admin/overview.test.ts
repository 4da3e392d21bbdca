import { describe, expect, it } from "vitest";
import { energyScores } from "@/db/schema/analytics";
import { authSessions, users } from "@/db/schema/auth";
import { subscriptions } from "@/db/schema/plans";
import { withTestDb } from "@/db/testing";
import { callerFor, sessionFor } from "../testing";
import { getAdminOverview, lastUtcDays } from "./overview";

const handle = withTestDb();

const now = new Date("2025-03-14T10:00:00Z");
const daysAgo = (n: number, hour = 12) => new Date(Date.UTC(2025, 2, 14 - n, hour));

describe("lastUtcDays", () => {
  it("lists the days ending today, oldest first, across a month boundary", () => {
    expect(lastUtcDays(new Date("2025-03-02T23:59:00Z"), 4)).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
  });
});

describe("admin overview", () => {
  it("computes activity, signups, score, churn, plans and MRR on a small fixture", async () => {
    const rows = await handle.db
      .insert(users)
      .values([
        { email: "admin@example.com", role: "admin", createdAt: daysAgo(200) },
        { email: "a@example.com", createdAt: daysAgo(0, 1) },
        { email: "b@example.com", createdAt: daysAgo(0, 9), disabledAt: daysAgo(0) },
        { email: "c@example.com", createdAt: daysAgo(3) },
        { email: "d@example.com", createdAt: daysAgo(29, 0) },
        { email: "old@example.com", createdAt: daysAgo(30, 23) },
      ])
      .returning();
    const [, a, , c, d, old] = rows.map((row) => row.id) as [string, string, string, string, string, string];
    const expires = new Date(now.getTime() + 86_400_000 * 30);
    await handle.db.insert(authSessions).values([
      // Seen 2 hours ago (two sessions of one user count once), 3 days ago, 20 days ago, 40 days ago.
      { userId: a, lastSeenAt: new Date(now.getTime() - 2 * 3_600_000), expiresAt: expires },
      { userId: a, lastSeenAt: new Date(now.getTime() - 3 * 3_600_000), expiresAt: expires },
      { userId: c, lastSeenAt: daysAgo(3), expiresAt: expires },
      { userId: d, lastSeenAt: daysAgo(20), expiresAt: expires, revokedAt: daysAgo(19) },
      { userId: old, lastSeenAt: daysAgo(40), expiresAt: expires },
    ]);
    await handle.db.insert(energyScores).values([
      // a: latest of the window is 80 (the older 40 does not count); c: 60; d: only a score older than 7 days.
      { userId: a, localDate: "2025-03-10", state: "scored", score: 40 },
      { userId: a, localDate: "2025-03-13", state: "scored", score: 80 },
      { userId: c, localDate: "2025-03-08", state: "scored", score: 60 },
      { userId: c, localDate: "2025-03-14", state: "calibrating", score: null },
      { userId: d, localDate: "2025-03-01", state: "scored", score: 10 },
    ]);
    await handle.db.insert(subscriptions).values([
      // Live: pro since long ago (900), team since 10 days (2900). Canceled 5 days ago after 90 days: churned.
      { userId: a, plan: "pro", status: "active", source: "manual", monthlyAmountCents: 900, startedAt: daysAgo(90) },
      { userId: c, plan: "team", status: "past_due", source: "stripe", monthlyAmountCents: 2900, startedAt: daysAgo(10) },
      { userId: d, plan: "pro", status: "canceled", source: "stripe", monthlyAmountCents: 0, startedAt: daysAgo(90), canceledAt: daysAgo(5) },
      // Canceled before the window: neither live at its start nor churned in it.
      { userId: old, plan: "pro", status: "canceled", source: "manual", monthlyAmountCents: 0, startedAt: daysAgo(100), canceledAt: daysAgo(45) },
    ]);

    const overview = await getAdminOverview(handle.db, now);
    expect(overview.totalUsers).toBe(6);
    expect(overview.disabledUsers).toBe(1);
    expect(overview.activeUsers).toEqual([
      { days: 1, count: 1 },
      { days: 7, count: 2 },
      { days: 30, count: 3 },
    ]);
    expect(overview.signupsPerDay).toHaveLength(30);
    expect(overview.signupsPerDay[0]).toEqual({ day: "2025-02-13", count: 1 });
    expect(overview.signupsPerDay[29]).toEqual({ day: "2025-03-14", count: 2 });
    expect(overview.signupsPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(4);
    expect(overview.averageEnergyScore).toEqual({ value: 70, users: 2, windowDays: 7 });
    expect(overview.mrrCents).toBe(3800);
    expect(overview.usersByPlan).toEqual([
      { plan: "free", count: 4 },
      { plan: "pro", count: 1 },
      { plan: "team", count: 1 },
    ]);
    // Live at the window start: a and d (c started within it, old was gone); d canceled within it.
    expect(overview.churn).toEqual({ canceled: 1, liveAtStart: 2, rate: 0.5, windowDays: 30 });
  });

  it("is for admins only", async () => {
    const [plain] = await handle.db.insert(users).values({ email: "plain@example.com" }).returning();
    const [admin] = await handle.db.insert(users).values({ email: "boss@example.com", role: "admin" }).returning();
    if (!plain || !admin) throw new Error("insert failed");

    await expect(callerFor(handle.db, null).admin.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(handle.db, sessionFor(plain)).admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const overview = await callerFor(handle.db, sessionFor(admin)).admin.overview();
    expect(overview.totalUsers).toBeGreaterThanOrEqual(2);
    expect(overview.signupsPerDay).toHaveLength(30);
  });
});
