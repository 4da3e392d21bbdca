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
  await page.waitForURL((url) => url.pathname === "/" || url.pathname.startsWith("/sign-in"));
  expect(await page.evaluate(async () => Boolean(await caches.match("/journal")))).toBe(false);
  await context.setOffline(true);
  await page.goto("/journal").catch(() => null);
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toHaveCount(0);
});

test("the poke stream reaches the browser as it happens: onboarding's profile writes poke this account", async ({ page, request }) => {
  test.setTimeout(120_000);
  const signedOut = await request.get("/api/sync/poke");
  expect(signedOut.status()).toBe(401);
  await registerAndSignIn(page, uniqueEmail("poke"));
  await page.evaluate(() => {
    const state = window as unknown as { __pokes: number; __open: boolean };
    state.__pokes = 0;
    const source = new EventSource("/api/sync/poke");
    source.addEventListener("open", () => (state.__open = true));
    source.addEventListener("poke", () => state.__pokes++);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __open?: boolean }).__open === true)).toBe(true);
  await page.getByLabel("Age").fill("35");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __pokes: number }).__pokes), { timeout: 5_000 }).toBeGreaterThan(0);
});
