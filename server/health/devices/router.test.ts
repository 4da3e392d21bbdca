import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dailySummaries, jobEvents, summaryRecomputes, syncRuns, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { limitRules } from "../../platform/rate-limits/rules";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "../../testing";
import { onPlan } from "@/server/account/plans/testing";
import { rollupDays } from "../timeseries/rollup";
import { storeBatch } from "../timeseries/store";
import { emptyBatch } from "../types";

const handle = withTestDb();

beforeAll(() => {
  process.env.OURA_CLIENT_ID = "oura-client";
  process.env.OURA_CLIENT_SECRET = "oura-secret";
});

async function signedIn() {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `d-${randomBytes(6).toString("hex")}@example.com`, name: "Device Person" })
    .returning();
  return { userId: user!.id, caller: callerFor(handle.db, sessionFor(user!)) };
}

const events = (name: string) => handle.db.select().from(jobEvents).where(eq(jobEvents.name, name));

describe("devices.providers", () => {
  it("lists every connectable provider with its configuration and the user's connection", async () => {
    const { caller } = await signedIn();
    const cards = await caller.devices.providers();
    expect(cards.map((c) => c.id)).toEqual(["terra", "oura", "whoop", "fitbit", "garmin", "demo"]);
    expect(cards.find((c) => c.id === "oura")).toMatchObject({ displayName: "Oura", connectMethod: "oauth", configured: true, connection: null });
    expect(cards.find((c) => c.id === "whoop")).toMatchObject({ configured: false, requiredEnv: ["WHOOP_CLIENT_ID", "WHOOP_CLIENT_SECRET"] });
    expect(cards.find((c) => c.id === "demo")).toMatchObject({ connectMethod: "demo", configured: true, requiredEnv: [] });
  });

  it("requires a session", async () => {
    expect((await rejectionOf(callerFor(handle.db, null).devices.providers(), TRPCError)).code).toBe("UNAUTHORIZED");
  });
});

describe("devices.connectDemo / setAutoSync / disconnect", () => {
  it("connects the demo provider and asks for a 30-day backfill", async () => {
    const { caller, userId } = await signedIn();
    const connection = await caller.devices.connectDemo();
    expect(connection).toMatchObject({ provider: "demo", status: "active", externalUserId: `demo-${userId}`, autoSync: true });
    expect((await events("devices/backfill.requested")).map((e) => e.data)).toContainEqual({ connectionId: connection.id, userId, days: 30 });
    const demo = (await caller.devices.providers()).find((c) => c.id === "demo");
    expect(demo?.connection?.status).toBe("active");
  });

  it("toggles auto-sync, and disconnects keeping the data", async () => {
    const { caller } = await signedIn();
    await caller.devices.connectDemo();
    expect((await caller.devices.setAutoSync({ provider: "demo", autoSync: false })).autoSync).toBe(false);
    expect(await caller.devices.disconnect({ provider: "demo", deleteData: false })).toEqual({ revoked: false, deletedDays: 0 });
    const demo = (await caller.devices.providers()).find((c) => c.id === "demo");
    expect(demo?.connection).toMatchObject({ status: "disconnected", autoSync: false });
  });

  it("answers NOT_FOUND for a provider the user has not connected, even when someone else has", async () => {
    const owner = await signedIn();
    await owner.caller.devices.connectDemo();
    const other = await signedIn();
    expect((await rejectionOf(other.caller.devices.setAutoSync({ provider: "demo", autoSync: false }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.caller.devices.disconnect({ provider: "demo", deleteData: true }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.caller.devices.syncNow({ provider: "demo" }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await owner.caller.devices.providers()).find((c) => c.id === "demo")?.connection?.status).toBe("active");
  });

  it("changes nothing when pressed again while connected: one connection, one backfill", async () => {
    const { caller, userId } = await signedIn();
    const first = await caller.devices.connectDemo();
    for (let i = 0; i < 9; i++) expect((await caller.devices.connectDemo()).id).toBe(first.id);
    const backfills = (await events("devices/backfill.requested")).filter((e) => e.data.userId === userId);
    expect(backfills).toHaveLength(1);
  });

  it("makes a reconnect after a disconnect wait out a cooldown (each connection queues a backfill)", async () => {
    const { caller, userId } = await signedIn();
    await caller.devices.connectDemo();
    await caller.devices.disconnect({ provider: "demo", deleteData: false });
    const refused = await rejectionOf(caller.devices.connectDemo(), TRPCError);
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect((refused.cause as { retryAfter?: number }).retryAfter).toBeGreaterThan(limitRules().demoConnectUser.windowSeconds - 5);
    expect((await events("devices/backfill.requested")).filter((e) => e.data.userId === userId)).toHaveLength(1);
    expect((await caller.devices.providers()).find((c) => c.id === "demo")?.connection?.status).toBe("disconnected");
  });

  it("rejects bad input with the field named", async () => {
    const { caller } = await signedIn();
    expect(await badRequestFields(caller.devices.setAutoSync({ provider: "myspace" as "demo", autoSync: true }))).toEqual(["provider"]);
    expect(await badRequestFields(caller.devices.setAutoSync({ provider: "demo", autoSync: "yes" as unknown as boolean }))).toEqual(["autoSync"]);
  });
});

describe("devices.syncNow / run / history", () => {
  it("records a running manual run, hands it to the sync job and refuses a repeat within 30 s", async () => {
    const { caller, userId } = await signedIn();
    const connection = await caller.devices.connectDemo();
    const { syncRunId } = await caller.devices.syncNow({ provider: "demo" });
    expect(await caller.devices.run({ id: syncRunId })).toMatchObject({ provider: "demo", kind: "manual", status: "running", records: 0, durationMs: null });
    expect((await events("devices/sync.requested")).map((e) => e.data)).toContainEqual({ connectionId: connection.id, userId, kind: "manual", syncRunId });
    const card = (await caller.devices.providers()).find((c) => c.id === "demo");
    expect(card?.activeRun?.id).toBe(syncRunId);

    const repeat = await rejectionOf(caller.devices.syncNow({ provider: "demo" }), TRPCError);
    expect(repeat.code).toBe("TOO_MANY_REQUESTS");

    await handle.db
      .update(syncRuns)
      .set({ startedAt: new Date(Date.now() - 31_000) })
      .where(eq(syncRuns.id, syncRunId));
    await expect(caller.devices.syncNow({ provider: "demo" })).resolves.toHaveProperty("syncRunId");
  });

  it("limits manual syncs per user, beyond the per-provider cooldown", async () => {
    const { caller, userId } = await signedIn();
    // Pro's daily allowance of manual syncs is above the rate limit this test is about.
    await onPlan(handle.db, userId, "pro");
    await caller.devices.connectDemo();
    const limit = limitRules().syncNowUser.points;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // 31 s apart, so the per-provider cooldown of 30 s never answers first.
      for (let i = 0; i < limit; i++) {
        vi.setSystemTime(Date.now() + 31_000);
        await caller.devices.syncNow({ provider: "demo" });
      }
      vi.setSystemTime(Date.now() + 31_000);
      const refused = await rejectionOf(caller.devices.syncNow({ provider: "demo" }), TRPCError);
      expect(refused.code).toBe("TOO_MANY_REQUESTS");
      expect(refused.message).toMatch(/^Too many requests\. Try again in \d+ minutes?\.$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is a CONFLICT for a disconnected provider", async () => {
    const { caller } = await signedIn();
    await caller.devices.connectDemo();
    await caller.devices.disconnect({ provider: "demo", deleteData: false });
    expect((await rejectionOf(caller.devices.syncNow({ provider: "demo" }), TRPCError)).code).toBe("CONFLICT");
  });

  it("pages through the user's own history, newest first, with durations", async () => {
    const { caller, userId } = await signedIn();
    const other = await signedIn();
    const base = Date.parse("2026-02-01T10:00:00Z");
    await handle.db.insert(syncRuns).values(
      Array.from({ length: 5 }, (_, i) => ({
        userId,
        provider: i % 2 ? "oura" : "demo",
        kind: "webhook" as const,
        status: i === 0 ? ("failed" as const) : ("succeeded" as const),
        records: i * 10,
        error: i === 0 ? "provider answered 500" : null,
        startedAt: new Date(base + i * 60_000),
        finishedAt: new Date(base + i * 60_000 + 1500),
      })),
    );
    await handle.db.insert(syncRuns).values({ userId: other.userId, provider: "demo", kind: "manual", startedAt: new Date(base) });

    const first = await caller.devices.history({ limit: 2 });
    expect(first.items.map((r) => r.records)).toEqual([40, 30]);
    expect(first.items[0]?.durationMs).toBe(1500);
    const second = await caller.devices.history({ limit: 2, cursor: first.nextCursor });
    const third = await caller.devices.history({ limit: 2, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((r) => r.records)).toEqual([20, 10, 0]);
    expect(third.nextCursor).toBeNull();
    expect(third.items.at(-1)).toMatchObject({ status: "failed", error: "provider answered 500" });

    const oura = await caller.devices.history({ provider: "oura", limit: 10 });
    expect(oura.items.map((r) => r.records)).toEqual([30, 10]);
    expect((await caller.devices.history({ kind: "manual", limit: 10 })).items).toEqual([]);
    expect((await caller.devices.history({ kind: "webhook", provider: "demo", limit: 10 })).items.map((r) => r.records)).toEqual([40, 20, 0]);

    const theirs = await other.caller.devices.history({ limit: 10 });
    expect(theirs.items).toHaveLength(1);
    expect((await rejectionOf(other.caller.devices.run({ id: first.items[0]!.id }), TRPCError)).code).toBe("NOT_FOUND");
  });

  it("rejects bad pagination and ids with the field named", async () => {
    const { caller } = await signedIn();
    expect(await badRequestFields(caller.devices.history({ limit: 500 }))).toEqual(["limit"]);
    expect(await badRequestFields(caller.devices.history({ limit: 10, provider: "friendster" as "demo" }))).toEqual(["provider"]);
    expect(await badRequestFields(caller.devices.history({ limit: 10, kind: "carrier-pigeon" as "manual" }))).toEqual(["kind"]);
    expect(await badRequestFields(caller.devices.run({ id: "not-a-uuid" }))).toEqual(["id"]);
  });
});

describe("devices.priority", () => {
  it("starts from the default order and saves the user's own; a job re-rolls the days so the new winner counts", async () => {
    const { caller, userId } = await signedIn();
    const initial = await caller.devices.priority.get();
    expect(initial[0]).toBe("oura");
    expect(initial).toContain("apple_health");
    expect(initial).not.toContain("google_health");

    const at = new Date("2026-03-01T12:00:00Z");
    const samples = (["oura", "demo"] as const).map((source, i) => ({
      metric: "resting_heart_rate" as const,
      start: at,
      end: at,
      value: 50 + i * 10,
      source,
      sourceRecordId: `${source}:rhr`,
      utcOffsetMinutes: 0,
    }));
    await storeBatch(handle.db, { userId, rawRecordId: null, timeZone: "UTC" }, { ...emptyBatch(), samples });
    await rollupDays(handle.db, userId, ["2026-03-01"]);
    const summary = () =>
      handle.db
        .select()
        .from(dailySummaries)
        .where(and(eq(dailySummaries.userId, userId), eq(dailySummaries.localDate, "2026-03-01")));
    expect((await summary())[0]?.sources.resting_heart_rate).toBe("oura");

    expect(await caller.devices.priority.recompute()).toBeNull();
    const saved = await caller.devices.priority.set({ order: ["demo", "oura"] });
    expect(saved.slice(0, 2)).toEqual(["demo", "oura"]);
    expect(saved).toHaveLength(initial.length);
    expect(await caller.devices.priority.get()).toEqual(saved);
    // The request only queued the re-computation (see recompute-summaries.test.ts for the job).
    expect((await summary())[0]).toMatchObject({ values: { resting_heart_rate: 50 }, sources: { resting_heart_rate: "oura" } });
    const [queued] = await handle.db.select().from(summaryRecomputes).where(eq(summaryRecomputes.userId, userId));
    expect(await caller.devices.priority.recompute()).toMatchObject({ status: "queued", totalDays: null, doneDays: 0 });
    expect((await events("timeseries/recompute.requested")).map((e) => e.data)).toContainEqual({ recomputeId: queued!.id, userId });

    const other = await signedIn();
    expect(await other.caller.devices.priority.get()).toEqual(initial);
  });

  it("limits changes per user, answering TOO_MANY_REQUESTS", async () => {
    const { caller } = await signedIn();
    for (let i = 0; i < limitRules().priorityUser.points; i++) await caller.devices.priority.set({ order: i % 2 ? ["demo", "oura"] : ["oura", "demo"] });
    expect((await rejectionOf(caller.devices.priority.set({ order: ["demo"] }), TRPCError)).code).toBe("TOO_MANY_REQUESTS");
  });

  it("rejects unknown and repeated providers with the field named", async () => {
    const { caller } = await signedIn();
    expect(await badRequestFields(caller.devices.priority.set({ order: ["demo", "bebo" as "demo"] }))).toEqual(["order.1"]);
    expect(await badRequestFields(caller.devices.priority.set({ order: ["demo", "oura", "demo"] }))).toEqual(["order.2"]);
    expect(await badRequestFields(caller.devices.priority.set({ order: [] }))).toEqual(["order"]);
  });
});
