import type { Browser } from "@playwright/test";
import { DEMO, emailTextFromOutbox, expect, newDevicePage, signIn, test, watchHydrationErrors, type Page } from "./support";

/** The unsubscribe link of the newest email to `to` whose subject matches, read from the outbox as the admin. */
async function unsubscribeLinkFromOutbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const text = await emailTextFromOutbox(browser, to, subject);
  const url = text.match(/https?:\/\/[^\s\]]+\/unsubscribe\/[^\s\]]+/)?.[0];
  if (!url) throw new Error(`no unsubscribe link in the email text: ${text}`);
  return new URL(url).pathname;
}

const bell = (page: Page) => page.getByTestId("notification-bell");

test("the bell counts unread notifications; the list marks one and all read; the email's unsubscribe link works signed out", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const hydrationErrors = watchHydrationErrors(page);
  await signIn(page, DEMO.email, DEMO.password);
  // The demo account's history is scored in the background after start-up (reload until it is).
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("contributors").getByRole("listitem").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000] });

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  // Start from a read list: the demo data may have raised a recovery alert already (or the list is empty).
  await expect(page.getByRole("status", { name: "Loading your notifications" })).toHaveCount(0);
  const markAll = page.getByRole("button", { name: "Mark all read" });
  if ((await markAll.count()) > 0 && (await markAll.isEnabled())) await markAll.click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  const preview = page.getByRole("button", { name: "Preview the daily summary" });
  await preview.click();
  await expect(page.getByText("Preview sent").first()).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await preview.click();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
  await expect(page.getByTestId("notification-count")).toHaveText("2");

  const unread = page.locator('[data-testid="notification"][data-unread="true"]');
  await expect(unread).toHaveCount(2);
  await expect(unread.first()).toContainText(/Preview: (Energy score \d+|Calibrating)/);
  await unread.first().getByRole("button", { name: /^Mark ".*" read$/ }).click();
  await expect(unread).toHaveCount(1);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  // Keyboard: the remaining button is reachable and works with Enter.
  await markAll.focus();
  await page.keyboard.press("Enter");
  await expect(unread).toHaveCount(0);
  await expect(page.getByTestId("unread-summary")).toHaveText("All read");
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await page.reload();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // The email of the preview sits in the outbox (the embedded mailbox); its unsubscribe link needs no session.
  const path = await unsubscribeLinkFromOutbox(browser, DEMO.email, /Preview: /);
  const visitor = await newDevicePage(browser);
  await visitor.goto(path);
  await expect(visitor.getByRole("heading", { name: "Unsubscribe from the daily summary?" })).toBeVisible();
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  // A changed link is refused.
  const refused = await visitor.goto(path.replace("daily-summary", "weekly-report"));
  expect(refused?.status()).toBe(403);
  await expect(visitor.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  await visitor.context().close();

  // Signed in, the daily summary's email shows off; turned back on, and a send time and quiet hours saved.
  await page.goto("/settings/notifications");
  const daily = page.getByRole("switch", { name: "Daily summary", exact: true });
  await expect(daily).not.toBeChecked();
  await daily.click();
  await expect(daily).toBeChecked();
  await page.getByLabel("Daily summary at").fill("07:30");
  await page.getByRole("switch", { name: "Quiet hours" }).click();
  await page.getByLabel("From").fill("23:00");
  await page.getByLabel("Until").fill("06:30");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Notification times saved").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Daily summary at")).toHaveValue("07:30");
  await expect(page.getByLabel("Until")).toHaveValue("06:30");
  await page.getByRole("switch", { name: "Quiet hours" }).click();
  await page.getByLabel("Daily summary at").fill("08:00");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Notification times saved").first()).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});

test("on a phone the bell stays in the header and the list fits the screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/notifications");
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
