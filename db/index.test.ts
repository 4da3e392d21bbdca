import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { resolveDriver, type DbHandle } from "./index";
import { users } from "./schema";
import { createTestDb } from "./testing";

describe("driver selection", () => {
  it("picks the driver from DATABASE_URL", () => {
    expect(resolveDriver(undefined).kind).toBe("pglite-dir");
    expect(resolveDriver("pglite://memory").kind).toBe("pglite-memory");
    expect(resolveDriver("postgres://u@ep-cool-1.us-east-2.aws.neon.tech/db").kind).toBe("neon");
    expect(resolveDriver("postgres://u@127.0.0.1:5432/db").kind).toBe("postgres");
    expect(() => resolveDriver("mysql://x")).toThrow(/DATABASE_URL/);
  });
});

describe("test database", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it("is migrated and writable", async () => {
    const [row] = await handle.db.insert(users).values({ email: "a@example.com" }).returning();
    const found = await handle.db.select().from(users).where(eq(users.id, row!.id));
    expect(found[0]?.email).toBe("a@example.com");
    expect(found[0]?.role).toBe("user");
  });

  it("enforces unique emails", async () => {
    await expect(handle.db.insert(users).values({ email: "a@example.com" })).rejects.toThrow();
  });
});
