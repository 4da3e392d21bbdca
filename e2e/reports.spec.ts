import { completeOnboarding, DEMO, expect, registerAndSignIn, signIn, test, uniqueEmail, watchHydrationErrors } from "./support";

/*
 * The demo account's past weeks get their reports from the insights recompute once its simulated
 * history is in (backfill done, every delivery ingested): reload the list until they are there.
 */
test("the demo user sees past weekly reports, newest first, and opens one with its chart", async ({ page }) => {
  test.setTimeout(300_000);
  const hydrationErrors = watchHydrationErrors(page);
  await signIn(page, DEMO.email, DEMO.password);
  const items = page.getByTestId("report-list").getByRole("listitem");
  await expect(async () => {
    await page.goto("/reports");
    await expect(items.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  await expect(page.getByRole("link", { name: "Reports" })).toHaveAttribute("aria-current", "page");

  // Eight to a page, newest first; the next page follows on without repeating one.
  await expect(items).toHaveCount(8);
  await page.getByRole("button", { name: "Show older weeks" }).click();
  await expect(items).toHaveCount(16);
  const weeks = await items.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(new Set(weeks).size).toBe(16);
  expect([...weeks].sort().reverse()).toEqual(weeks);
  await expect(items.first().getByTestId("average-energyScore")).toContainText(/\d/);

  const newest = items.first().getByRole("link");
  const range = (await newest.textContent())!;
  await newest.click();
  await page.waitForURL(/\/reports\/\d{4}-W\d{2}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Week of ${range}`);
  for (const metric of ["energyScore", "sleepSeconds", "hrv", "readiness"]) await expect(page.getByTestId(`average-${metric}`)).toContainText(/\d/);
  await expect(page.getByTestId("average-energyScore")).not.toContainText("no week before");
  await expect(page.getByRole("region", { name: "Best and hardest day" })).toContainText(/energy score \d+/);
  await expect(page.getByRole("region", { name: "Strongest pattern" })).toBeVisible();
  await expect(page.getByTestId("week-chart").locator(".recharts-surface")).toHaveCount(3);

  // On a phone the report fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("week-chart").locator(".recharts-surface")).toHaveCount(3);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(hydrationErrors).toEqual([]);
});

test("a new user is told when the first report comes; a week not over yet says so; a week that does not exist is not found", async ({ page }) => {
  await registerAndSignIn(page, uniqueEmail("reports"));
  await completeOnboarding(page);
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Your first report comes on Monday" })).toBeVisible();
  await page.goto("/reports/2099-W10");
  await expect(page.getByRole("heading", { name: "This week is not over yet" })).toBeVisible();
  // The page streams behind its loading state, so the status is sent before the week is checked: the not-found page shows.
  await page.goto("/reports/2026-W54");
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});
