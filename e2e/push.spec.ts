import { startFakePushService, type FakePushService, type FakeSubscription } from "../server/account/notifications/push/testing/fake-push-service";
import { completeOnboarding, expect, registerAndSignIn, test, uniqueEmail, watchHydrationErrors, type Page } from "./support";

/*
 * Web Push from the settings page. Real: the permission prompt's answer (granted by the context),
 * the service worker registration of /sw.js, the app's VAPID key handed to pushManager.subscribe,
 * the subscribe/list/test/remove procedures, web-push's encryption and VAPID signature, and the
 * push request to a push service. Stubbed: headless Chromium reaches no push service, so
 * PushManager.prototype.subscribe/getSubscription answer with a subscription whose endpoint is this
 * spec's local fake push service and whose keys the spec holds; the fake checks the VAPID header and
 * decrypts the message with the private key, as the browser would.
 */

let service: FakePushService;
test.beforeAll(async () => {
  service = await startFakePushService();
});
test.afterAll(() => service.close());

/** Makes this page's pushManager hand out `subscription` (and remember the key it was asked to use). */
async function stubPushManager(page: Page, subscription: FakeSubscription) {
  await page.addInitScript((fake) => {
    const state = window as unknown as { __pushKey?: string; __pushSubscribed?: boolean };
    const toBase64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const make = (key: ArrayBuffer) => ({
      endpoint: fake.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: key },
      getKey: () => null,
      toJSON: () => ({ endpoint: fake.endpoint, expirationTime: null, keys: fake.keys }),
      unsubscribe: async () => {
        state.__pushSubscribed = false;
        return true;
      },
    });
    let current: ReturnType<typeof make> | null = null;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey as Uint8Array;
      state.__pushKey = toBase64url(new Uint8Array(key));
      state.__pushSubscribed = true;
      current = make(new Uint8Array(key).buffer);
      return current as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (state.__pushSubscribed ? current : null) as unknown as PushSubscription | null;
    };
  }, { endpoint: subscription.endpoint, keys: subscription.keys });
}

test("turns push on for this device, lists it, sends it a decryptable test push and removes it", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const hydrationErrors = watchHydrationErrors(page);
  const subscription = service.subscribe();
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await stubPushManager(page, subscription);
  await registerAndSignIn(page, uniqueEmail("push"));
  await completeOnboarding(page);

  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Push notifications" })).toBeVisible();
  await expect(page.getByText("No devices yet")).toBeVisible();
  await page.getByRole("button", { name: "Push on this device" }).click();
  await expect(page.getByText("This device gets push notifications now.")).toBeVisible();

  const devices = page.getByRole("list", { name: "Devices with push notifications" });
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices).toContainText(new URL(service.origin).host);
  // The real service worker is registered and active for the whole app.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL)).toBe(new URL("/sw.js", baseURL).toString());

  await devices.getByRole("button", { name: /^Send test to / }).click();
  await expect(page.getByText("Test notification sent").first()).toBeVisible();
  await expect.poll(() => service.received.filter((m) => m.subscriptionId === subscription.id).length).toBe(1);
  const [message] = service.received.filter((m) => m.subscriptionId === subscription.id);
  expect(message!.payload).toMatchObject({ title: "BioSync test notification", url: "/settings/notifications" });
  expect(message!.vapid.aud).toBe(service.origin);
  // The key the page subscribed with is the one the server signs with.
  expect(await page.evaluate(() => (window as unknown as { __pushKey?: string }).__pushKey)).toBe(message!.vapid.publicKey);

  // Each kind's push can be turned off.
  const dailyPush = page.getByRole("switch", { name: "Push: Daily summary" });
  await expect(dailyPush).toBeChecked();
  await dailyPush.click();
  await expect(page.getByText("Push preferences saved").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Push: Daily summary" })).not.toBeChecked();

  await page.getByRole("button", { name: /^Remove / }).click();
  await expect(page.getByText("No devices yet")).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});

test("says so when notifications are not allowed for the site", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAndSignIn(page, uniqueEmail("push-denied"));
  await completeOnboarding(page);
  await page.goto("/settings/notifications");
  // Headless Chromium answers the permission prompt itself (never granted without grantPermissions).
  await page.getByRole("button", { name: "Push on this device" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Notifications are blocked for BioSync|Allow notifications when the browser asks/ })).toBeVisible();
  await expect(page.getByText("No devices yet")).toBeVisible();
});
