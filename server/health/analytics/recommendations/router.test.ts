import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recommendations } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { badRequestFields, callerFor } from "@/server/testing";
import { insertUser, recommendationRow } from "../insights/testing/rows";

const handle = withTestDb();

describe("action plan router", () => {
  it("lists newest day first and by priority within a day, by status, in pages, with counts; the caller's only", async () => {
    const alice = await insertUser(handle.db, "alice-plan@example.com");
    const bob = await insertUser(handle.db, "bob-plan@example.com");
    await handle.db.insert(recommendations).values([
      recommendationRow(alice.id, "2026-06-09", "a", 1),
      recommendationRow(alice.id, "2026-06-10", "b", 3),
      recommendationRow(alice.id, "2026-06-10", "c", 1),
      recommendationRow(alice.id, "2026-06-08", "d", 0, { status: "done" }),
      recommendationRow(alice.id, "2026-06-10", "e", 2, { status: "dismissed" }),
      recommendationRow(bob.id, "2026-06-11", "z", 0),
    ]);
    const caller = callerFor(handle.db, alice);
    // Open: 10 June c (1), b (3); then 9 June a. Two a page: [c, b] | [a].
    const first = await caller.actionPlan.list({ status: "open", limit: 2 });
    expect(first.items.map((r) => r.title)).toEqual(["Do c", "Do b"]);
    const second = await caller.actionPlan.list({ status: "open", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((r) => r.title)).toEqual(["Do a"]);
    expect(second.nextCursor).toBeNull();
    // All statuses: 10 June c (1), e (2), b (3); 9 June a; 8 June d.
    expect((await caller.actionPlan.list({})).items.map((r) => r.title)).toEqual(["Do c", "Do e", "Do b", "Do a", "Do d"]);
    expect((await caller.actionPlan.list({ status: "done" })).items.map((r) => r.status)).toEqual(["done"]);
    expect(await caller.actionPlan.counts()).toEqual({ open: 3, done: 1, dismissed: 1 });
    expect((await callerFor(handle.db, bob).actionPlan.list({})).items.map((r) => r.title)).toEqual(["Do z"]);
  });

  it("marks done, dismissed and open again with the time of the change; another user's id is NOT_FOUND and changes nothing", async () => {
    const alice = await insertUser(handle.db, "carol-plan@example.com");
    const bob = await insertUser(handle.db, "dan-plan@example.com");
    const [row] = await handle.db.insert(recommendations).values(recommendationRow(alice.id, "2026-06-10", "sleep", 1)).returning();
    const caller = callerFor(handle.db, alice);

    const before = Date.now();
    const done = await caller.actionPlan.mark({ id: row!.id, status: "done" });
    expect(done).toMatchObject({ id: row!.id, status: "done", title: "Do sleep" });
    expect(done.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await caller.actionPlan.mark({ id: row!.id, status: "dismissed" })).status).toBe("dismissed");
    expect((await caller.actionPlan.mark({ id: row!.id, status: "open" })).status).toBe("open");

    await expect(callerFor(handle.db, bob).actionPlan.mark({ id: row!.id, status: "done" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.actionPlan.mark({ id: crypto.randomUUID(), status: "done" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [stored] = await handle.db.select().from(recommendations).where(eq(recommendations.id, row!.id));
    expect(stored!.status).toBe("open");

    expect(await badRequestFields(caller.actionPlan.mark({ id: "not-a-uuid", status: "done" }))).toEqual(["id"]);
    expect(await badRequestFields(caller.actionPlan.mark({ id: row!.id, status: "later" as "done" }))).toEqual(["status"]);
    expect(await badRequestFields(caller.actionPlan.list({ cursor: "zzz" }))).toEqual(["cursor"]);
    // The correlations list's cursor (a q value as its second key) is a 400 here, not a failed integer cast.
    const fractional = Buffer.from(JSON.stringify({ k: [0, 0.0123], id: "00000000-0000-4000-8000-000000000000" })).toString("base64url");
    expect(await badRequestFields(caller.actionPlan.list({ cursor: fractional }))).toEqual(["cursor"]);
    await expect(callerFor(handle.db, null).actionPlan.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
