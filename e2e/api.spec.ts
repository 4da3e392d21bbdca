import { DEMO, expect, signIn, test, watchHydrationErrors } from "./support";

test("api: a token created on /settings/api reads /api/v1/summary, and once revoked gets 401 in the envelope", async ({ page, context, request }) => {
  // The embedded database serves the demo account's background jobs on the same thread: give the page time.
  test.setTimeout(150_000);
  const hydrationErrors = watchHydrationErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const name = `e2e script ${Date.now()}`;
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Token name").fill(name);
  await dialog.getByText("Read", { exact: true }).click();
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByRole("heading", { name: `Token “${name}” created` })).toBeVisible();
  await dialog.getByRole("button", { name: "Copy the token" }).click();
  await expect(dialog.getByText("Copied to the clipboard.")).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^bsk_[\w-]{40,}$/);
  await expect(dialog.getByLabel("Your new API token")).toHaveValue(secret);
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("listitem", { name: `API token: ${name}` });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).toContainText("never used");

  const headers = { authorization: `Bearer ${secret}` };
  const answer = await request.get("/api/v1/summary", { headers });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("application/json");
  expect(await answer.json()).toHaveProperty("today");
  await page.reload();
  await expect(page.getByRole("listitem", { name: `API token: ${name}` })).toContainText("last used");

  await page.getByRole("button", { name: `Revoke API token ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("listitem", { name: `API token: ${name}` })).toHaveCount(0);

  const refused = await request.get("/api/v1/summary", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED", details: { reason: "api-token.invalid" } } });
  expect(hydrationErrors).toEqual([]);
});
