import { completeOnboarding, expect, newDevicePage, PASSWORD, registerAndSignIn, signIn, test, uniqueEmail, type Page } from "./support";

/*
 * Two devices of one account (two browser contexts): A goes offline, writes a journal entry and
 * changes a setting; B changes the same setting; A comes back. Both end with the same data, the
 * losing value waits on the conflicts page, and A reloaded offline still shows its entry.
 * Real: IndexedDB, the service worker, the poke stream, push/pull against the server.
 */
const status = (page: Page) => page.getByTestId("sync-status");

async function setDailySummary(page: Page, time: string) {
  await page.goto("/settings/notifications");
  await page.getByLabel("Daily summary at").fill(time);
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Notification times saved", { exact: true })).toBeVisible();
}

test("two devices stay in step through an offline period and a conflict, with nothing lost", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("sync");
  await registerAndSignIn(page, email);
  await completeOnboarding(page);
  const phone = await newDevicePage(browser);
  await signIn(phone, email, PASSWORD);

  // Device A opens the pages it will use offline while it is online (the worker keeps them).
  await page.goto("/journal");
  await expect(page.locator("html[data-offline-ready]")).toBeAttached({ timeout: 30_000 });
  await page.goto("/settings/sync");
  await page.goto("/settings/notifications");
  await expect(status(page)).toHaveText("Synced", { timeout: 30_000 });
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match("/journal"))), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match("/settings/sync"))), { timeout: 30_000 }).toBe(true);

  await page.context().setOffline(true);
  await page.goto("/journal");
  await page.getByLabel("Notes").fill("Written on the train, offline.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Saved on this device; it is sent when you are online.")).toBeVisible();
  await setDailySummary(page, "06:30");
  await expect(status(page)).toHaveText("Offline · 2 waiting", { timeout: 15_000 });
  await page.goto("/settings/sync");
  const waiting = page.getByRole("region", { name: "Waiting to be sent" }).getByRole("listitem");
  await expect(waiting).toHaveText([/^Journal entry saved · Journal entry of \d{4}-\d{2}-\d{2}/, /^Notification settings changed · Notification settings/]);

  // Device B changes the same setting from the same base, later.
  await setDailySummary(phone, "07:15");
  await expect(status(phone)).toHaveText("Synced", { timeout: 30_000 });

  await page.context().setOffline(false);
  await expect(status(page)).toHaveText("Synced", { timeout: 30_000 });

  // Both show the same: B's later time won; A's entry reached B (a poke, no reload needed for the pull).
  for (const device of [page, phone]) {
    await device.goto("/settings/notifications");
    await expect(device.getByLabel("Daily summary at")).toHaveValue("07:15", { timeout: 15_000 });
  }
  await phone.goto("/journal");
  await expect(phone.getByLabel("Notes")).toHaveValue("Written on the train, offline.", { timeout: 15_000 });

  // The losing value is kept, and restoring it makes it the value on both devices.
  await page.goto("/settings/sync");
  const conflict = page.getByRole("listitem").filter({ hasText: "Daily summary time" });
  await expect(conflict).toContainText("06:30", { timeout: 15_000 });
  await expect(conflict).toContainText("07:15");
  await conflict.getByRole("button", { name: "Restore this value" }).click();
  await expect(conflict).toHaveCount(0, { timeout: 15_000 });
  await phone.goto("/settings/notifications");
  await expect(phone.getByLabel("Daily summary at")).toHaveValue("06:30", { timeout: 15_000 });

  // Reloaded with no network, A still opens its journal with the entry.
  await page.context().setOffline(true);
  await page.goto("/journal");
  await expect(page.getByLabel("Notes")).toHaveValue("Written on the train, offline.", { timeout: 15_000 });
  await page.context().setOffline(false);
  await phone.context().close();
});

test("a change on one device shows on another's open page at once, and what is typed there stays", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("live");
  await registerAndSignIn(page, email);
  await completeOnboarding(page);
  const phone = await newDevicePage(browser);
  await signIn(phone, email, PASSWORD);

  await phone.goto("/journal");
  await expect(status(phone)).toHaveText("Synced", { timeout: 30_000 });
  await phone.getByLabel("Notes").fill("Half a sentence typed on the phone");

  await page.goto("/settings/notifications");
  await expect(status(page)).toHaveText("Synced", { timeout: 30_000 });
  await page.goto("/journal");
  await page.getByRole("slider", { name: "Mood" }).focus();
  for (const _ of [1, 2]) await page.keyboard.press("ArrowRight");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(status(page)).toHaveText("Synced", { timeout: 15_000 });

  // The phone's open form takes the laptop's mood (by a poke, no reload) and keeps its own typing.
  await expect(phone.getByRole("slider", { name: "Mood" })).toHaveAttribute("aria-valuetext", "7 of 10", { timeout: 5_000 });
  await expect(phone.getByLabel("Notes")).toHaveValue("Half a sentence typed on the phone");
  await phone.getByRole("button", { name: "Save changes" }).click();
  await expect(status(phone)).toHaveText("Synced", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue("Half a sentence typed on the phone", { timeout: 15_000 });
  await expect(page.getByRole("slider", { name: "Mood" })).toHaveAttribute("aria-valuetext", "7 of 10");
  await phone.context().close();
});
