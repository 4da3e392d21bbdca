import { completeOnboarding, expect, registerAndSignIn, test, uniqueEmail } from "./support";

test("plans: a free account's 4th export of the day is refused with the upgrade message, which leads to the plan page", async ({ page }) => {
  test.setTimeout(120_000);
  await registerAndSignIn(page, uniqueEmail("plans"));
  await completeOnboarding(page);

  await page.goto("/settings/data");
  const request = page.getByRole("button", { name: "Request export" });
  const exports = page.getByRole("list", { name: "Exports" });
  for (let i = 1; i <= 3; i++) {
    await request.click();
    await expect(exports.getByRole("listitem")).toHaveCount(i);
    await expect(page.getByText(`${i} of 3 exports today`)).toBeVisible();
    // At most two exports may be in progress: each is let finish before the next.
    await expect(exports.getByText("Ready", { exact: true })).toHaveCount(i, { timeout: 30_000 });
  }
  await request.click();
  const notice = page.getByRole("alert").filter({ hasText: "3 of 3 today" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("This needs Pro — See plans");
  await expect(exports.getByRole("listitem")).toHaveCount(3);

  // Followed from the keyboard.
  await notice.getByRole("link", { name: "See plans" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/settings\/plan$/);
  await expect(page.getByRole("link", { name: "Plan & billing" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Free plan" })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Exports: 3 of 3 today" })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Manual syncs: 0 of 5 today" })).toBeVisible();

  const comparison = page.getByRole("region", { name: "Compare plans" });
  for (const name of ["Free", "Pro", "Team"]) await expect(comparison.getByRole("listitem", { name: `${name} plan` })).toBeVisible();
  const free = comparison.getByRole("listitem", { name: "Free plan" });
  await expect(free).toHaveAttribute("aria-current", "true");
  await expect(free).toContainText("The last 90 days of history");
  await expect(comparison.getByRole("listitem", { name: "Pro plan" })).toContainText("$9 / month");
  await expect(comparison.getByRole("listitem", { name: "Pro plan" })).toContainText("All of your history");
  // No Stripe keys on this server: no checkout, an administrator sets plans.
  await expect(page.getByRole("button", { name: /Upgrade to/ })).toHaveCount(0);
  await expect(page.getByText("Plans on this server are set by an administrator")).toBeVisible();

  // Narrow phones: the plans stack and the page fits without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
