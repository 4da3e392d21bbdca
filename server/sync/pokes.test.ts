import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { journalEntries, profiles, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createPokeHub, type PokeHub } from "./pokes";

// PGlite by default; the node-postgres listener when TEST_DATABASE_URL is set.
const test = withTestDb();

let hub: PokeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function newUser() {
  const [user] = await test.db.insert(users).values({ email: `poke-${crypto.randomUUID()}@example.com` }).returning();
  return user!.id;
}

/** A hub on the test database with a counter of pokes per user; resolves once LISTEN is up. */
async function listening(...userIds: string[]) {
  hub = createPokeHub(async () => test.db);
  const pokes = new Map(userIds.map((id) => [id, 0]));
  for (const id of userIds) hub.subscribe(id, () => pokes.set(id, pokes.get(id)! + 1));
  await expect.poll(() => hub!.transport(), { timeout: 5_000 }).toBe("listen");
  return pokes;
}

describe("sync pokes", () => {
  it("a journal write for A pokes A's subscriber within a second and not B's", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const pokes = await listening(a, b);
    const started = Date.now();
    await test.db.insert(journalEntries).values({ userId: a, localDate: "2026-03-01", mood: 7 });
    await expect.poll(() => pokes.get(a), { timeout: 1_000, interval: 10 }).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pokes.get(b)).toBe(0);
  });

  it("a profile update inside a transaction pokes on commit", async () => {
    const a = await newUser();
    await test.db.insert(profiles).values({ userId: a });
    const pokes = await listening(a);
    await test.db.transaction(async (tx) => {
      await tx.update(profiles).set({ age: 41 }).where(eq(profiles.userId, a));
    });
    await expect.poll(() => pokes.get(a), { timeout: 1_000, interval: 10 }).toBeGreaterThan(0);
  });

  it("an unsubscribed listener hears nothing more, and pokeLocally is a no-op while LISTEN delivers", async () => {
    const a = await newUser();
    hub = createPokeHub(async () => test.db);
    let heard = 0;
    const unsubscribe = hub.subscribe(a, () => heard++);
    await expect.poll(() => hub!.transport(), { timeout: 5_000 }).toBe("listen");
    hub.pokeLocally(a);
    expect(heard).toBe(0);
    unsubscribe();
    await test.db.insert(journalEntries).values({ userId: a, localDate: "2026-03-02" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toBe(0);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("Postgres: a dropped LISTEN connection reconnects, pokes everyone subscribed, and listens again", async () => {
    const a = await newUser();
    const pokes = await listening(a);
    await test.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`);
    await expect.poll(() => pokes.get(a), { timeout: 5_000, interval: 20 }).toBe(1);
    expect(hub!.transport()).toBe("listen");
    await test.db.insert(journalEntries).values({ userId: a, localDate: "2026-03-03" });
    await expect.poll(() => pokes.get(a), { timeout: 1_000, interval: 10 }).toBe(2);
  });

  it("without LISTEN (a driver that has none), pokeLocally delivers to this process's subscribers", async () => {
    hub = createPokeHub(async () => ({}) as never);
    let heard = 0;
    hub.subscribe("user-a", () => heard++);
    hub.subscribe("user-b", () => (heard += 100));
    await expect.poll(() => hub!.transport()).toBe("local");
    hub.pokeLocally("user-a");
    expect(heard).toBe(1);
  });
});
