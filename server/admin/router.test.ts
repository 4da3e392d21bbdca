import { describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
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

describe("admin.overview", () => {
  it("counts users, verification, roles and signups per day", async () => {
    await handle.db.insert(users).values([
      { email: "admin@example.com", role: "admin", emailVerifiedAt: daysAgo(30), createdAt: daysAgo(30) },
      { email: "a@example.com", emailVerifiedAt: daysAgo(0), createdAt: daysAgo(0, 1) },
      { email: "b@example.com", createdAt: daysAgo(0, 9) },
      { email: "c@example.com", emailVerifiedAt: daysAgo(3), createdAt: daysAgo(3) },
      { email: "d@example.com", createdAt: daysAgo(13, 0) },
      { email: "old@example.com", createdAt: daysAgo(14, 23) },
    ]);

    const overview = await getAdminOverview(handle.db, now);
    expect(overview.totalUsers).toBe(6);
    expect(overview.verifiedUsers).toBe(3);
    expect(overview.unverifiedUsers).toBe(3);
    expect(overview.usersByRole).toEqual([
      { role: "user", count: 5 },
      { role: "admin", count: 1 },
    ]);
    expect(overview.signupsPerDay).toHaveLength(14);
    expect(overview.signupsPerDay[0]).toEqual({ day: "2025-03-01", count: 1 });
    expect(overview.signupsPerDay[10]).toEqual({ day: "2025-03-11", count: 1 });
    expect(overview.signupsPerDay[13]).toEqual({ day: "2025-03-14", count: 2 });
    expect(overview.signupsPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(4);
  });

  it("is for admins only", async () => {
    const [plain] = await handle.db.insert(users).values({ email: "plain@example.com" }).returning();
    const [admin] = await handle.db.insert(users).values({ email: "boss@example.com", role: "admin" }).returning();
    if (!plain || !admin) throw new Error("insert failed");

    await expect(callerFor(handle.db, null).admin.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(handle.db, sessionFor(plain)).admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const overview = await callerFor(handle.db, sessionFor(admin)).admin.overview();
    expect(overview.totalUsers).toBeGreaterThanOrEqual(2);
    expect(overview.signupsPerDay).toHaveLength(14);
  });
});
