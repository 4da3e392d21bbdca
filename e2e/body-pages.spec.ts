import { completeOnboarding, DEMO, expect, registerAndSignIn, signIn, test, uniqueEmail, watchHydrationErrors, type Page } from "./support";

/** A chart that has drawn: its figure is there and recharts has put an SVG in it. */
async function expectChart(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await expect(figure).toBeVisible();
  await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
}

test("the demo user sees charts on Sleep, Heart, Activity and Trends; Trends keeps its choice in the URL", async ({ page }) => {
  // The seeded demo history arrives through the background ingestion jobs after the server starts.
  test.setTimeout(300_000);
  const hydrationErrors = watchHydrationErrors(page);
  await signIn(page, DEMO.email, DEMO.password);

  await page.getByRole("navigation").getByRole("link", { name: "Sleep" }).first().click();
  await expect(page).toHaveURL(/\/sleep$/);
  // The newest day comes first (the connection's first sync), the backfill after it: wait for a few weeks of nights.
  await expect(async () => {
    await page.goto("/sleep");
    await expect(page.getByTestId("hypnogram")).toBeVisible({ timeout: 2_000 });
    expect(await page.getByRole("list", { name: "Recent nights" }).getByRole("listitem").count()).toBeGreaterThanOrEqual(20);
  }).toPass({ timeout: 240_000 });
  await expectChart(page, "hypnogram");
  await expectChart(page, "sleep-duration-chart");
  await expect(page.getByTestId("sleep-last-night")).toContainText(/\d+ h \d{2} min/);
  // Another night from the list: its hypnogram replaces the first one's.
  const nights = page.getByRole("list", { name: "Recent nights" }).getByRole("button");
  const second = nights.nth(1);
  const secondName = (await second.locator("span span").first().textContent())!;
  await second.click();
  await expect(second).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { name: `Night to ${secondName}` })).toBeVisible();

  await page.goto("/heart");
  await expectChart(page, "heart-range-chart");
  await expectChart(page, "heart-resting-chart");
  await expectChart(page, "heart-hrv-chart");
  await expect(page.getByTestId("heart-resting")).toContainText("bpm");

  await page.goto("/activity");
  await expectChart(page, "activity-steps-chart");
  await expectChart(page, "activity-energy-chart");
  await page.getByRole("button", { name: "Total" }).click();
  await expect(page.getByRole("button", { name: "Total" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("table", { name: "Workouts" })).toBeVisible();

  await page.goto("/trends?metric=steps&range=30&bucket=day");
  const chart = page.getByTestId("trend-chart");
  await expectChart(page, "trend-chart");
  await expect(chart).toHaveAttribute("data-bucket", "day");
  await expect(chart).toHaveAttribute("data-points", /^(2\d|30)$/);

  await page.getByRole("group", { name: "Bucket" }).getByRole("button", { name: "Week" }).click();
  await expect(page).toHaveURL(/bucket=week/);
  await expect(chart).toHaveAttribute("data-bucket", "week");
  await expect(chart).toHaveAttribute("data-points", /^[4-6]$/);

  await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/range=90/);
  await expect(chart).toHaveAttribute("data-points", /^1[2-4]$/);

  await page.getByRole("combobox", { name: "Compare with" }).click();
  await page.getByRole("option", { name: "Time asleep" }).click();
  await expect(page).toHaveURL(/compare=sleep_asleep_seconds/);
  await expectChart(page, "trend-compare-chart");

  // The URL is the view: opened afresh, it shows the same thing.
  await page.reload();
  await expect(chart).toHaveAttribute("data-bucket", "week");
  await expectChart(page, "trend-compare-chart");
  await expect(page.getByTestId("weekly-overview")).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});

test("body pages fit a 375 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, DEMO.email, DEMO.password);
  for (const path of ["/sleep", "/heart", "/activity", "/trends"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("a new user sees empty states that say to connect a device", async ({ page }) => {
  await registerAndSignIn(page, uniqueEmail("body-empty"));
  await completeOnboarding(page);
  for (const [path, testId] of [
    ["/sleep", "sleep-empty"],
    ["/heart", "heart-empty"],
    ["/activity", "activity-empty"],
  ] as const) {
    await page.goto(path);
    const empty = page.getByTestId(testId);
    await expect(empty).toBeVisible();
    await expect(empty.getByRole("link", { name: "Connect a device" })).toHaveAttribute("href", "/devices");
  }
  await page.goto("/trends");
  await expect(page.getByTestId("trend-chart-empty")).toBeVisible();
});
