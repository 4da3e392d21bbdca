import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { callerFor, sessionFor } from "../../testing";
import { deliver } from "./deliver";
import { deliverKind } from "./due";
import { storeScore } from "./fixtures";
import { localDate } from "@/server/health/local-date";
import { notifiedUser, sampleContent } from "./testing";

const handle = withTestDb();

async function withNotifications(count: number) {
  const user = await notifiedUser(handle.db, { preferences: { dailySummary: false, recoveryAlerts: false } });
  for (let i = 0; i < count; i++) {
    await deliver(handle.db, user.id, sampleContent(i % 2 ? "recovery-alert" : "daily-summary", `k${i}`), new Date(Date.UTC(2026, 2, 1 + i, 8)));
  }
  return { user, caller: callerFor(handle.db, sessionFor(user)) };
}

describe("notifications router", () => {
  it("lists newest first in pages, with the unread count", async () => {
    const { caller } = await withNotifications(5);
    const first = await caller.notifications.list({ limit: 2 });
    expect(first.items.map((n) => n.body)).toEqual(["In-app body of k4", "In-app body of k3"]);
    const second = await caller.notifications.list({ limit: 2, cursor: first.nextCursor });
    const third = await caller.notifications.list({ limit: 2, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((n) => n.body)).toEqual(["In-app body of k2", "In-app body of k1", "In-app body of k0"]);
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ kind: "daily-summary", title: "Sample daily-summary", href: "/dashboard", readAt: null });
    expect(await caller.notifications.unreadCount()).toEqual({ count: 5 });
  });

  it("marks one read, keeping its first reading time, then all", async () => {
    const { caller } = await withNotifications(3);
    const [newest] = (await caller.notifications.list({})).items;
    const read = await caller.notifications.markRead({ id: newest!.id });
    expect(read.readAt).toBeInstanceOf(Date);
    expect((await caller.notifications.markRead({ id: newest!.id })).readAt).toEqual(read.readAt);
    expect(await caller.notifications.unreadCount()).toEqual({ count: 2 });
    expect(await caller.notifications.markAllRead()).toEqual({ marked: 2 });
    expect(await caller.notifications.unreadCount()).toEqual({ count: 0 });
    expect((await caller.notifications.list({})).items.every((n) => n.readAt !== null)).toBe(true);
    expect(await caller.notifications.markAllRead()).toEqual({ marked: 0 });
  });

  it("keeps each user's list to themselves: another's id is NOT_FOUND and changes nothing", async () => {
    const alice = await withNotifications(1);
    const bob = await withNotifications(1);
    const [aliceItem] = (await alice.caller.notifications.list({})).items;
    await expect(bob.caller.notifications.markRead({ id: aliceItem!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bob.caller.notifications.markRead({ id: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await bob.caller.notifications.markAllRead();
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 1 });
    expect((await bob.caller.notifications.list({})).items.map((n) => n.id)).not.toContain(aliceItem!.id);
  });

  it("is for signed-in users only and answers a bad id with 400", async () => {
    const anonymous = callerFor(handle.db, null);
    await expect(anonymous.notifications.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const { caller } = await withNotifications(0);
    await expect(caller.notifications.markRead({ id: "not-an-id" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sends a preview of today's summary on request, at most five an hour, beside the scheduled one", async () => {
    const user = await notifiedUser(handle.db);
    const caller = callerFor(handle.db, sessionFor(user));
    await expect(caller.notifications.previewDailySummary()).rejects.toMatchObject({ code: "CONFLICT" });
    await storeScore(handle.db, user.id, localDate(new Date(), null, "UTC"));
    expect(await caller.notifications.previewDailySummary()).toMatchObject({ email: "sent" });
    const [preview] = (await caller.notifications.list({})).items;
    expect(preview!.title).toBe("Preview: Energy score 78 (good)");
    for (let i = 0; i < 4; i++) await caller.notifications.previewDailySummary();
    await expect(caller.notifications.previewDailySummary()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await deliverKind(handle.db, user.id, "daily-summary", new Date())).toMatchObject({ created: true });
    expect((await caller.notifications.list({})).items).toHaveLength(6);
  });
});
