import { ADMIN, expect, signIn, test, watchHydrationErrors } from "./support";

const CHECK_IDS = ["request-latency-p95", "error-rate", "job-failures", "queue-age"];

test("/api/status answers the colour and the numbers behind it, with the caller's request id", async ({ request }) => {
  const res = await request.get("/api/status", { headers: { "x-request-id": "status-probe-0001" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["x-request-id"]).toBe("status-probe-0001");
  const body = await res.json();
  expect(["green", "yellow", "red"]).toContain(body.status);
  expect(body.checks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(CHECK_IDS));
  for (const check of body.checks) expect(check).toMatchObject({ name: expect.any(String), unit: expect.any(String), yellow: expect.any(Number), red: expect.any(Number), status: expect.stringMatching(/^(green|yellow|red)$/) });
  expect(body.window.minutes).toBe(15);
  expect(Date.parse(body.generatedAt)).not.toBeNaN();
  // No user data: no email address, no user id.
  expect(JSON.stringify(body)).not.toMatch(/@|user/i);
});

test("admin: the status page shows the colour, each check with its thresholds, and the requests the app recorded", async ({ page, request }) => {
  const hydrationErrors = watchHydrationErrors(page);
  for (let i = 0; i < 3; i++) expect((await request.get("/api/status")).ok()).toBe(true);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Status" }).first().click();
  await expect(page).toHaveURL(/\/admin\/status$/);
  await expect(page.getByRole("heading", { name: "System status", level: 1 })).toBeVisible();

  const banner = page.getByTestId("status-banner");
  await expect(banner).toHaveAttribute("data-status", /^(green|yellow|red)$/);
  await expect(banner).toContainText(/System status: (Green|Yellow|Red)/);
  for (const id of CHECK_IDS) await expect(page.locator(`[data-check-id="${id}"]`)).toBeVisible();
  await expect(page.locator('[data-check-id="request-latency-p95"]')).toContainText("yellow ≥ 500 ms · red ≥ 2,000 ms");
  await expect(page.locator('[data-check-id^="webhooks"]').first()).toContainText("yellow < 98 % · red < 90 %");

  // The requests above reach the table once this instance has flushed them (every 5 s).
  const refresh = page.getByRole("button", { name: "Refresh the status now" });
  await expect(async () => {
    await refresh.click();
    await expect(page.getByRole("cell", { name: "/api/status" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  expect(hydrationErrors).toEqual([]);
});
