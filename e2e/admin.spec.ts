import { ADMIN, expect, newDevicePage, PASSWORD, registerAndSignIn, signIn, test, uniqueEmail } from "./support";
import { putOnPlan } from "./support-plans";

// Each test walks several server-rendered admin pages; on a shared machine that takes a while.
test.describe.configure({ timeout: 150_000 });

test("the admin opens the overview and a user's page, changes the plan with a reason, and the audit log shows it", async ({ page, request }) => {
  const email = uniqueEmail("admin-plan");
  const created = await request.post("/api/trpc/auth.register", { data: { json: { email, password: PASSWORD } } });
  expect(created.status()).toBe(200);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Active this week")).toBeVisible();
  await expect(page.getByText("MRR", { exact: true })).toBeVisible();
  await expect(page.getByText(/Mean of each user's latest score in the last 7 days/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users per plan" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  await putOnPlan(page, email, "pro", "Customer support ticket 4242");
  await expect(page.getByRole("heading", { name: "Active sessions" })).toBeVisible();
  await expect(page.getByText("Health data", { exact: true })).toBeVisible();

  await page.goto(`/admin/audit?action=admin.plan-changed&subject=${encodeURIComponent(email)}`);
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("admin.plan-changed");
  await expect(row).toContainText(ADMIN.email);
  await expect(row).toContainText(email);
  await expect(row).toContainText("Customer support ticket 4242");

  // The overview counts the new subscription's revenue.
  await page.goto("/admin");
  await expect(page.getByText("$0.00")).toHaveCount(0);
});

test("health data opens only behind a reason; a disabled account is signed out and told why it cannot sign in", async ({ page, browser }) => {
  const email = uniqueEmail("admin-disable");
  const person = await newDevicePage(browser);
  await registerAndSignIn(person, email);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email, exact: true }).click();

  await page.getByRole("button", { name: "View health data" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Open health data" })).toBeDisabled();
  await dialog.getByLabel("Reason").fill("User asked about a missing night");
  await dialog.getByRole("button", { name: "Open health data" }).click();
  await expect(page.getByText("No daily summaries or scores yet.")).toBeVisible();

  await page.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByLabel("Reason").fill("Abuse report 77");
  await page.getByRole("dialog").getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText("This account was disabled")).toBeVisible();

  // The session is gone: the next page the person opens sends them to sign in (a navigation the
  // open page was making when the session died may be cut short, hence the retry).
  await expect(async () => {
    await person.goto("/dashboard");
    await expect(person).toHaveURL(/\/sign-in/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByText(/This account has been disabled/)).toBeVisible();
  await person.context().close();

  await page.goto(`/admin/audit?subject=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("audit-row").filter({ hasText: "admin.user-disabled" })).toContainText("Abuse report 77");
  await expect(page.getByTestId("audit-row").filter({ hasText: "admin.health-data-opened" })).toContainText("User asked about a missing night");
});
