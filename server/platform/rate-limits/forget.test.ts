import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema/rate-limits";
import { withTestDb } from "@/db/testing";
import { forgetRateLimitsMentioning } from "./forget";

const handle = withTestDb();

describe("forgetRateLimitsMentioning", () => {
  it("removes the counters keyed by the id and keeps the others", async () => {
    const id = randomUUID();
    await handle.db.insert(rateLimits).values([{ key: `sync-now-user:${id}`, points: 2 }, { key: `upload-user:${id}`, points: 1 }, { key: `upload-user:${randomUUID()}`, points: 1 }, { key: "login-ip:10.0.0.1", points: 3 }]);
    expect(await forgetRateLimitsMentioning(handle.db, id)).toBe(2);
    expect((await handle.db.select().from(rateLimits)).map((r) => r.key).filter((k) => k.includes(id))).toEqual([]);
    expect(await handle.db.select().from(rateLimits)).toHaveLength(2);
  });
});
