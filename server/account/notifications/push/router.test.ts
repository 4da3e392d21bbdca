import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDb } from "@/db/testing";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "@/server/testing";
import { createUser } from "../../auth/users";
import { startFakePushService, type FakePushService } from "./testing/fake-push-service";

const handle = withTestDb();
let service: FakePushService;

beforeAll(async () => {
  service = await startFakePushService();
});
afterAll(() => service.close());

async function signedIn(userAgent: string | null = null) {
  const user = await createUser(handle.db, { email: `push-${crypto.randomUUID()}@example.com`, verified: true });
  return callerFor(handle.db, sessionFor(user), { userAgent });
}

describe("notifications.push router", () => {
  it("gives the VAPID public key browsers subscribe with: an uncompressed P-256 point", async () => {
    const { key } = await (await signedIn()).notifications.push.vapidPublicKey();
    const raw = Buffer.from(key, "base64url");
    expect(raw).toHaveLength(65);
    expect(raw[0]).toBe(4);
  });

  it("subscribes a device, labels it from the user agent, lists it and removes it", async () => {
    const caller = await signedIn("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15");
    const subscription = service.subscribe();
    const device = await caller.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys });
    expect(device).toMatchObject({ label: "Safari on macOS", service: new URL(service.origin).host, failureCount: 0, disabledAt: null, lastSuccessAt: null });
    // The same endpoint again refreshes the one device.
    const again = await caller.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys, label: "My laptop" });
    expect(again.id).toBe(device.id);
    expect((await caller.notifications.push.list({})).items.map((d) => [d.id, d.label])).toEqual([[device.id, "My laptop"]]);
    expect(await caller.notifications.push.unsubscribe({ id: device.id })).toEqual({ removed: true });
    expect((await caller.notifications.push.list({})).items).toEqual([]);
  });

  it("pages the device list", async () => {
    const caller = await signedIn();
    for (let i = 0; i < 3; i++) {
      const s = service.subscribe();
      await caller.notifications.push.subscribe({ endpoint: s.endpoint, keys: s.keys, label: `Device ${i}` });
    }
    const first = await caller.notifications.push.list({ limit: 2 });
    const second = await caller.notifications.push.list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((d) => d.label).sort()).toEqual(["Device 0", "Device 1", "Device 2"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses bad subscriptions with a 400 naming the field", async () => {
    const caller = await signedIn();
    const { endpoint, keys } = service.subscribe();
    const subscribe = (input: { endpoint: string; keys: { p256dh: string; auth: string } }) => badRequestFields(caller.notifications.push.subscribe(input));
    expect(await subscribe({ endpoint: "http://push.example.com/x", keys })).toEqual(["endpoint"]);
    expect(await subscribe({ endpoint: "https://10.0.0.7/push", keys })).toEqual(["endpoint"]);
    expect(await subscribe({ endpoint: "https://user:pw@push.example.com/x", keys })).toEqual(["endpoint"]);
    expect(await subscribe({ endpoint: "not a url", keys })).toEqual(["endpoint"]);
    expect(await subscribe({ endpoint: "", keys })).toEqual(["endpoint"]);
    expect(await subscribe({ endpoint, keys: { ...keys, p256dh: keys.p256dh.slice(0, 40) } })).toEqual(["keys.p256dh"]);
    expect(await subscribe({ endpoint, keys: { ...keys, p256dh: "+/" + keys.p256dh.slice(2) } })).toEqual(["keys.p256dh"]);
    expect(await subscribe({ endpoint, keys: { ...keys, auth: Buffer.alloc(20).toString("base64url") } })).toEqual(["keys.auth"]);
    // A real push service's https endpoint is accepted.
    await expect(caller.notifications.push.subscribe({ endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys })).resolves.toMatchObject({ service: "fcm.googleapis.com" });
  });

  it("accepts loopback endpoints outside tests only when PUSH_ALLOW_LOOPBACK_ENDPOINTS is set", async () => {
    const { checkPushEndpoint } = await import("./endpoint-policy");
    const endpoint = service.subscribe().endpoint;
    const envModule = await import("@/server/env");
    const spy = vi.spyOn(envModule, "env");
    try {
      const production = envModule.parseEnv({ NODE_ENV: "production" });
      spy.mockReturnValue(production);
      expect(() => checkPushEndpoint(endpoint)).toThrow("https");
      spy.mockReturnValue({ ...production, PUSH_ALLOW_LOOPBACK_ENDPOINTS: true });
      expect(checkPushEndpoint(endpoint)).toBe(endpoint);
    } finally {
      spy.mockRestore();
    }
  });

  it("keeps devices to their owner: another account cannot see, test, remove or take one", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const subscription = service.subscribe();
    const device = await owner.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys });
    expect((await other.notifications.push.list({})).items).toEqual([]);
    expect((await rejectionOf(other.notifications.push.test({ id: device.id }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.notifications.push.unsubscribe({ id: device.id }), TRPCError)).code).toBe("NOT_FOUND");
    const taken = await rejectionOf(other.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys }), TRPCError);
    expect(taken.code).toBe("CONFLICT");
    expect((taken.cause as { reason?: string }).reason).toBe("push.endpoint-taken");
    expect((await owner.notifications.push.list({})).items.map((d) => d.id)).toEqual([device.id]);
    expect(service.received.filter((m) => m.subscriptionId === subscription.id)).toEqual([]);
  });

  it("sends a test push to one device, and removes the device when its push service says it is gone", async () => {
    const caller = await signedIn();
    const subscription = service.subscribe();
    const device = await caller.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys, label: "Phone" });
    expect(await caller.notifications.push.test({ id: device.id })).toEqual({ outcome: "sent", status: 201 });
    const [message] = service.received.filter((m) => m.subscriptionId === subscription.id);
    expect(message!.payload).toEqual({ title: "BioSync test notification", body: "Notifications reach Phone.", url: "/settings/notifications", tag: `push-test:${device.id}` });
    service.gone(subscription.id);
    expect(await caller.notifications.push.test({ id: device.id })).toEqual({ outcome: "removed", status: 410 });
    expect((await caller.notifications.push.list({})).items).toEqual([]);
    expect((await rejectionOf(caller.notifications.push.test({ id: device.id }), TRPCError)).code).toBe("NOT_FOUND");
  });
});
