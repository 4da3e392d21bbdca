import { completeOnboarding, DEMO, expect, registerAndSignIn, signIn, test, uniqueEmail, watchHydrationErrors, type Page } from "./support";

/** Every response for an icon or the manifest that was not found (browsers ask for them on every page). */
function watchIconMisses(page: Page): string[] {
  const misses: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && /favicon|icon|manifest/.test(new URL(response.url()).pathname)) misses.push(response.url());
  });
  return misses;
}

test("icons and the web manifest are served, and no page asks for one that is missing", async ({ page, request }) => {
  const misses = watchIconMisses(page);
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.png", /image\/png/],
    ["/apple-icon.png", /image\/png/],
    ["/manifest.webmanifest", /application\/manifest\+json/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { name: string; icons: { src: string }[] };
  expect(manifest.name).toBe("BioSync");
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico|icon\.png/);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-icon\.png/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/insights");
  expect(misses).toEqual([]);
});

test("a new user without data sees a calibrating, helpful dashboard and empty Insights and Action plan pages", async ({ page }) => {
  const hydrationErrors = watchHydrationErrors(page);
  const misses = watchIconMisses(page);
  await registerAndSignIn(page, uniqueEmail("insights-new"));
  await completeOnboarding(page);

  await expect(page.getByRole("heading", { name: "No wearable data yet" })).toBeVisible();
  await expect(page.getByTestId("score-calibrating")).toHaveText("Calibrating: 14 more days.");
  await expect(page.getByTestId("last-sync")).toContainText("No device connected");
  const connect = page.getByRole("link", { name: "Connect a device" });
  await expect(connect).toHaveAttribute("href", "/devices");

  await page.getByRole("navigation").first().getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Energy score history" }).getByText(/No scored days in this range yet/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Correlations" }).getByText(/No correlations yet/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Risks" }).getByText("No risk flags in the last 30 days.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Forecast" }).getByText(/No forecast yet/)).toBeVisible();

  await page.getByRole("navigation").first().getByRole("link", { name: "Action plan" }).click();
  await expect(page).toHaveURL(/\/action-plan$/);
  await expect(page.getByRole("tab", { name: /To do \(0\)/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(/^Nothing to do right now/)).toBeVisible();
  // The tabs work from the keyboard.
  await page.getByRole("tab", { name: /To do/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Done/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(/^Nothing marked done yet/)).toBeVisible();
  await expect(page).toHaveURL(/\/action-plan\?tab=done$/);

  expect(hydrationErrors).toEqual([]);
  expect(misses).toEqual([]);
});

/*
 * The demo account's months of history are scored by the insights recompute after its backfill;
 * the dashboard shows the score as soon as that has run (reload until it has).
 */
test("the demo user sees a score with its contributors, Insights with charts, and marks a recommendation done", async ({ page }) => {
  test.setTimeout(300_000);
  const hydrationErrors = watchHydrationErrors(page);
  await signIn(page, DEMO.email, DEMO.password);
  const score = page.getByTestId("energy-score");
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("contributors").getByRole("listitem").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  await expect(score.getByRole("img", { name: /^Energy score \d+ of 100/ })).toBeVisible();
  await expect(score.getByText(/confidence \(\d+ %\)/)).toBeVisible();
  await expect(page.getByTestId("contributors").getByText(/SD|normal|need|hours|min/).first()).toBeVisible();
  await expect(page.getByTestId("key-metrics")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Last 7 days" })).toBeVisible();
  await expect(page.getByTestId("last-sync")).toContainText("Last sync");

  await page.goto("/insights");
  const history = page.getByRole("region", { name: "Energy score history" });
  await expect(history.locator(".recharts-surface")).toBeVisible();
  await history.getByRole("button", { name: "90 days" }).click();
  await expect(history.getByRole("button", { name: "90 days" })).toHaveAttribute("aria-pressed", "true");
  const forecast = page.getByRole("region", { name: "Forecast" });
  await expect(forecast.locator(".recharts-surface")).toBeVisible();
  await expect(forecast.getByTestId("track-record")).toHaveText(/^Last 30 days: mean error [\d.]+ points; \d+ % of days inside the band, aim 80 %/);
  await forecast.getByRole("tab", { name: "Resting heart rate" }).click();
  await expect(forecast.getByRole("tabpanel").locator(".recharts-surface")).toBeVisible();
  const correlations = page.getByRole("region", { name: "Correlations" });
  await expect(correlations.getByText(/pairs tested passed the false-discovery check/)).toBeVisible();
  await correlations.getByRole("switch").click();
  await expect(correlations.getByText("not significant").first()).toBeVisible();

  await page.goto("/action-plan");
  const todo = page.getByRole("tabpanel");
  const first = todo.getByRole("article").first();
  await expect(first).toBeVisible();
  const title = (await first.getByRole("heading").textContent())!;
  await first.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText("Marked as done", { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: /Done/ }).click();
  await expect(page.getByRole("tabpanel").getByRole("article", { name: title })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("tabpanel").getByRole("article", { name: title })).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});
