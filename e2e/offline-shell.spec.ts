import { completeOnboarding, expect, registerAndSignIn, test, uniqueEmail } from "./support";

/*
 * The offline app shell: public/sw.js keeps the pages a signed-in user opened (and warms the offline
 * pages after sign-in); with the network gone, a reload still opens them, and a page it has no copy
 * of shows /offline. Real: the service worker, its caches and Chromium's offline mode.
 */
test("visited pages reopen offline; an unvisited page shows the offline page; sign-out clears the copies", async ({ page, context }) => {
  test.setTimeout(180_000);
  await registerAndSignIn(page, uniqueEmail("offline"));
  await completeOnboarding(page);

  await page.goto("/journal");
  // The worker controls the page once it is active (clients.claim).
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null);
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Push notifications" })).toBeVisible();
  // The warm-up after sign-in has kept the offline pages (and the offline page itself).
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).length && Boolean(await caches.match("/journal")) && Boolean(await caches.match("/offline"))), { timeout: 30_000 })
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Push notifications" })).toBeVisible();
  await page.goto("/journal");
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  await page.goto("/trends");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  const offlineLinks = page.getByRole("navigation", { name: "Pages that work offline" });
  await expect(offlineLinks.getByRole("link", { name: "Journal" })).toHaveAttribute("href", "/journal");
  await offlineLinks.getByRole("link", { name: "Journal" }).click();
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  expect(await page.evaluate(async () => Boolean(await caches.match("/journal")))).toBe(false);
  await context.setOffline(true);
  await page.goto("/journal").catch(() => null);
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toHaveCount(0);
});
