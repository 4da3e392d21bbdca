import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema/notifications";
import { pushDeliveries, pushSubscriptions } from "@/db/schema/push";
import { withTestDb } from "@/db/testing";
import { callerFor, sessionFor } from "@/server/testing";
import { deliver, sendHeldPushes } from "../deliver";
import { notifiedUser, sampleContent } from "../testing";
import { FAILURES_BEFORE_DISABLE } from "./devices";
import { topicOf } from "./message";
import { startFakePushService, type FakePushService } from "./testing/fake-push-service";
import { vapidDetails } from "./vapid";

const handle = withTestDb();
const db = () => handle.db;
let service: FakePushService;

beforeAll(async () => {
  service = await startFakePushService();
});
afterAll(() => service.close());

/** A user with `devices` browsers subscribed through the router. */
async function userWithDevices(devices: number, options: Parameters<typeof notifiedUser>[1] = {}) {
  const user = await notifiedUser(db(), options);
  const caller = callerFor(db(), sessionFor(user), { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" });
  const subscriptions = [];
  for (let i = 0; i < devices; i++) {
    const subscription = service.subscribe();
    const device = await caller.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys });
    subscriptions.push({ ...subscription, deviceId: device.id });
  }
  return { user, caller, subscriptions };
}

const receivedBy = (subscriptionId: string) => service.received.filter((m) => m.subscriptionId === subscriptionId);
const notificationOf = async (id: string) => (await db().select().from(notifications).where(eq(notifications.id, id)))[0]!;

describe("push delivery", () => {
  it("pushes a due notification to every device, encrypted for each and signed with the VAPID key", async () => {
    const { user, subscriptions } = await userWithDevices(2);
    const outcome = await deliver(db(), user.id, sampleContent("recovery-alert", `r:${user.id}:1`), new Date("2026-03-30T08:00:00Z"));
    expect(outcome).toMatchObject({ created: true, email: "sent", push: "sent" });
    for (const subscription of subscriptions) {
      const [message, ...more] = receivedBy(subscription.id);
      expect(more).toEqual([]);
      expect(message!.payload).toEqual({ title: "Sample recovery-alert", body: `In-app body of r:${user.id}:1`, url: "/dashboard", tag: `r:${user.id}:1` });
      expect(message).toMatchObject({ urgency: "high", ttl: 24 * 3600, topic: topicOf(`r:${user.id}:1`) });
      expect(message!.vapid).toMatchObject({ aud: service.origin, publicKey: vapidDetails().publicKey, sub: vapidDetails().subject });
    }
    const devices = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));
    expect(devices.every((d) => d.lastSuccessAt instanceof Date && d.failureCount === 0)).toBe(true);
    expect(await db().select().from(pushDeliveries).where(eq(pushDeliveries.notificationId, outcome!.notificationId))).toHaveLength(2);
  });

  it("pushes nothing when the kind's push is off or no device is subscribed, and the email is unaffected", async () => {
    const { user, subscriptions } = await userWithDevices(1, { preferences: { pushDailySummary: false } });
    expect(await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}`))).toMatchObject({ email: "sent", push: "off" });
    expect(receivedBy(subscriptions[0]!.id)).toEqual([]);
    // Another kind still goes.
    expect(await deliver(db(), user.id, sampleContent("weekly-report", `w:${user.id}`))).toMatchObject({ push: "sent" });
    expect(receivedBy(subscriptions[0]!.id).map((m) => m.urgency)).toEqual(["low"]);

    const deviceless = await notifiedUser(db());
    expect(await deliver(db(), deviceless.id, sampleContent("daily-summary", `d:${deviceless.id}`))).toMatchObject({ email: "sent", push: "off" });
  });

  it("holds a push in quiet hours and pushes it once they end, unless its push was turned off meanwhile", async () => {
    const quiet = { quietHoursStart: "22:00", quietHoursEnd: "07:00" };
    const { user, caller, subscriptions } = await userWithDevices(1, { timeZone: "Europe/Berlin", preferences: quiet });
    const night = new Date("2026-01-15T23:30:00Z"); // 00:30 in Berlin
    const outcome = await deliver(db(), user.id, sampleContent("recovery-alert", `r:${user.id}:night`), night);
    expect(outcome).toMatchObject({ email: "deferred", push: "deferred" });
    expect(receivedBy(subscriptions[0]!.id)).toEqual([]);
    expect(await sendHeldPushes(db(), user.id, new Date("2026-01-16T05:00:00Z"))).toEqual({ sent: 0, dropped: 0 }); // 06:00, still quiet
    expect(await sendHeldPushes(db(), user.id, new Date("2026-01-16T06:00:00Z"))).toEqual({ sent: 1, dropped: 0 });
    expect(receivedBy(subscriptions[0]!.id).map((m) => m.payload.tag)).toEqual([`r:${user.id}:night`]);
    expect((await notificationOf(outcome!.notificationId)).pushState).toBe("sent");
    expect(await sendHeldPushes(db(), user.id, new Date("2026-01-16T07:00:00Z"))).toEqual({ sent: 0, dropped: 0 });

    await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:night`), night);
    await caller.profile.notifications.update({ pushDailySummary: false });
    expect(await sendHeldPushes(db(), user.id, new Date("2026-01-16T06:00:00Z"))).toEqual({ sent: 0, dropped: 1 });
    expect(receivedBy(subscriptions[0]!.id)).toHaveLength(1);
  });

  it("deletes a device whose push service answers 410 and still pushes to the others", async () => {
    const { user, subscriptions } = await userWithDevices(2);
    const [gone, live] = subscriptions as [(typeof subscriptions)[0], (typeof subscriptions)[0]];
    service.gone(gone.id);
    await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:gone`));
    expect(receivedBy(live.id)).toHaveLength(1);
    const left = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));
    expect(left.map((d) => d.id)).toEqual([live.deviceId]);
  });

  it("counts other failures and disables a device after five in a row; a success resets the streak", async () => {
    const { user, caller, subscriptions } = await userWithDevices(1);
    const [subscription] = subscriptions as [(typeof subscriptions)[0]];
    service.failWith(subscription.id, 503);
    for (let i = 1; i < FAILURES_BEFORE_DISABLE; i++) await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:${i}`));
    let [device] = (await caller.notifications.push.list({})).items;
    expect(device).toMatchObject({ failureCount: FAILURES_BEFORE_DISABLE - 1, disabledAt: null });
    await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:last`));
    [device] = (await caller.notifications.push.list({})).items;
    expect(device!.failureCount).toBe(FAILURES_BEFORE_DISABLE);
    expect(device!.disabledAt).toBeInstanceOf(Date);
    // A disabled device gets nothing (not even an attempt), and no push is recorded for it.
    const refusedBefore = service.refused.length;
    expect(await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:after`))).toMatchObject({ push: "off" });
    expect(service.refused.length).toBe(refusedBefore);
    // The push service works again: a test push brings the device back.
    service.failWith(subscription.id, null);
    expect(await caller.notifications.push.test({ id: device!.id })).toEqual({ outcome: "sent", status: 201 });
    [device] = (await caller.notifications.push.list({})).items;
    expect(device).toMatchObject({ failureCount: 0, disabledAt: null });
  });

  it("never pushes a notification to a device twice: not on a retry, not from two runs at once", async () => {
    const { user, subscriptions } = await userWithDevices(2);
    const content = sampleContent("daily-summary", `d:${user.id}:retry`);
    const [first, second] = await Promise.all([deliver(db(), user.id, content), deliver(db(), user.id, content)]);
    expect(first!.notificationId).toBe(second!.notificationId);
    // A job retry after a crash between the pushes and marking the notification sent.
    await db().update(notifications).set({ pushState: "pending" }).where(eq(notifications.id, first!.notificationId));
    expect(await deliver(db(), user.id, content)).toMatchObject({ created: false, push: "sent" });
    for (const subscription of subscriptions) expect(receivedBy(subscription.id)).toHaveLength(1);
    // A device that failed gets it on the retry, the others do not get it again.
    const [failing] = subscriptions;
    const content2 = sampleContent("daily-summary", `d:${user.id}:retry2`);
    service.failWith(failing!.id, 500);
    const outcome = await deliver(db(), user.id, content2);
    service.failWith(failing!.id, null);
    await db().update(notifications).set({ pushState: "pending" }).where(eq(notifications.id, outcome!.notificationId));
    await deliver(db(), user.id, content2);
    for (const subscription of subscriptions) expect(receivedBy(subscription.id).map((m) => m.payload.tag)).toEqual([`d:${user.id}:retry`, `d:${user.id}:retry2`]);
  });
});
