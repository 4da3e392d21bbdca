import { describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { discardRequestMetrics, flushRequestMetrics, recordRequest } from "../platform/telemetry/request-metrics";
import { callerFor, sessionFor } from "../testing";

const handle = withTestDb();

describe("admin.status.get", () => {
  it("answers admins with the report and the requests per route, and refuses everyone else", async () => {
    const [plain] = await handle.db.insert(users).values({ email: "plain@example.com" }).returning();
    const [admin] = await handle.db.insert(users).values({ email: "boss@example.com", role: "admin" }).returning();
    for (let i = 0; i < 30; i++) recordRequest("/api/trpc/[trpc]", i < 3 ? 500 : 200, 30);
    await flushRequestMetrics(handle.db);
    discardRequestMetrics();

    await expect(callerFor(handle.db, null).admin.status.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(handle.db, sessionFor(plain!)).admin.status.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const status = await callerFor(handle.db, sessionFor(admin!)).admin.status.get();
    expect(status.report.checks.find((c) => c.id === "error-rate")).toMatchObject({ value: 10, status: "red", sample: 30 });
    expect(status.report.status).toBe("red");
    expect(status.routes).toEqual([{ route: "/api/trpc/[trpc]", count: 30, errors: 3, p95Ms: expect.any(Number) }]);
    expect(status.routes[0]!.p95Ms).toBeGreaterThanOrEqual(25);
    expect(status.routes[0]!.p95Ms).toBeLessThan(50);
  });
});
