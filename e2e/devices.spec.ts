import { completeOnboarding, expect, registerAndSignIn, test, watchHydrationErrors, type Page } from "./support";

async function showKind(page: Page, label: string) {
  await page.getByRole("combobox", { name: "Show kind of sync" }).click();
  await page.getByRole("option", { name: label, exact: true }).click();
}

test("devices: connect the demo provider, sync now, see the history, toggle auto-sync and disconnect", async ({ page }) => {
  // The demo backfill delivers 30 days as signed webhooks through the real pipeline.
  test.setTimeout(240_000);
  const hydrationErrors = watchHydrationErrors(page);
  await registerAndSignIn(page, `devices-${Date.now()}@example.com`);
  await completeOnboarding(page);
  await expect(page.getByText("No wearable data yet")).toBeVisible();
  await page.goto("/devices");
  await expect(page.getByRole("heading", { name: "Devices", level: 1 })).toBeVisible();

  const demo = page.getByTestId("provider-demo");
  const history = page.getByRole("region", { name: "Sync history" });
  await expect(demo.getByText("Not connected")).toBeVisible();
  await expect(history.getByText("No syncs yet")).toBeVisible();
  // Real providers without app credentials say what an administrator has to set.
  await expect(page.getByTestId("provider-oura").getByText("OURA_CLIENT_ID")).toBeVisible();

  await demo.getByRole("button", { name: "Connect" }).click();
  await expect(demo.getByText("Connected", { exact: true })).toBeVisible();
  // The first 30 days arrive through the backfill job; its progress shows on the card.
  await expect(demo.getByRole("progressbar", { name: "Importing Demo wearable history" })).toBeVisible({ timeout: 30_000 });
  await showKind(page, "Backfill");
  await expect(history.getByRole("row").filter({ hasText: "Backfill" }).getByText("Succeeded")).toBeVisible({ timeout: 180_000 });
  await expect(demo.getByRole("progressbar")).toBeHidden();
  await expect(demo.getByText(/Last sync/)).toBeVisible();

  // (Its "Syncing…" state can be over before an assertion would look: the outcome is what counts.)
  await demo.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Demo wearable synced", { exact: true })).toBeVisible({ timeout: 60_000 });
  await showKind(page, "Sync now");
  const manualRow = history.getByRole("row").filter({ hasText: "Sync now" });
  await expect(manualRow.getByText("Succeeded")).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: "Backfill" })).toHaveCount(0);

  // The synced data is on the dashboard: 30 days are past calibration, so a score with its key
  // metrics. Ingestion and the insights recompute after it may still be running: reload until in.
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("key-metrics").getByText("Sleep", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("energy-score").getByRole("img", { name: /^Energy score \d+ of 100/ })).toBeVisible();
  await expect(page.getByText("No wearable data yet")).toBeHidden();
  expect(hydrationErrors).toEqual([]);
  await page.goto("/devices");

  // Source priority: a move saves at once and answers at once; a job re-computes the daily
  // summaries of every day, and its progress shows under the list until it is done.
  const priority = page.getByRole("region", { name: "Source priority" });
  await priority.getByRole("button", { name: "Move Demo wearable up" }).click();
  const recompute = priority.getByRole("progressbar", { name: "Re-computing daily summaries" });
  await expect(recompute).toBeVisible();
  await expect(priority.getByText(/^(Getting ready to re-compute|Re-computing \d+ of \d+ days…|Re-computed \d+ of \d+ days)/)).toBeVisible();
  await expect(priority.getByText(/^Re-computed (\d+) of \1 days with the new order\.$/)).toBeVisible({ timeout: 60_000 });
  const total = await recompute.getAttribute("aria-valuemax");
  expect(Number(total)).toBeGreaterThanOrEqual(30);
  await expect(recompute).toHaveAttribute("aria-valuenow", total!);
  await page.reload();
  await expect(page.getByRole("region", { name: "Source priority" }).getByText(`Re-computed ${total} of ${total} days with the new order.`)).toBeVisible();

  const autoSync = demo.getByRole("switch", { name: /Auto-sync/ });
  await expect(autoSync).toBeChecked();
  await autoSync.click();
  await expect(page.getByText("Auto-sync off", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("provider-demo").getByRole("switch", { name: /Auto-sync/ })).not.toBeChecked();
  await showKind(page, "Sync now");

  // Narrow phones: nothing on the page scrolls sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByTestId("provider-demo").getByRole("button", { name: "Disconnect" }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect Demo wearable?" });
  await expect(dialog.getByRole("radio", { name: /Keep my data/ })).toBeChecked();
  await dialog.getByRole("radio", { name: /Delete the data too/ }).click();
  await expect(dialog.getByRole("button", { name: "Disconnect and delete data" })).toBeVisible();
  await dialog.getByRole("radio", { name: /Keep my data/ }).click();
  await dialog.getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Your data was kept.", { exact: true })).toBeVisible();
  await expect(page.getByTestId("provider-demo").getByText("Disconnected")).toBeVisible();
  await expect(page.getByTestId("provider-demo").getByRole("button", { name: "Reconnect" })).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: "Sync now" })).toHaveCount(1);
});

test("devices: the OAuth callback's outcome shows as a banner", async ({ page }) => {
  await registerAndSignIn(page, `devices-banner-${Date.now()}@example.com`);
  await page.goto("/devices?error=You%20declined%20access%20in%20Oura%2C%20so%20nothing%20was%20connected.");
  await expect(page.getByRole("alert").filter({ hasText: "You declined access in Oura" })).toBeVisible();
  await page.goto("/devices?connected=demo");
  await expect(page.getByText("Demo wearable is connected.")).toBeVisible();
  await page.getByRole("link", { name: "Dismiss" }).click();
  await expect(page.getByText("Demo wearable is connected.")).toBeHidden();
});
