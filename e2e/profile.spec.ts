import { DEMO, expect, registerAndSignIn, signIn, test, uniqueEmail, watchHydrationErrors } from "./support";

test("profile: imperial units are stored and shown after a reload", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/settings/profile");

  await page.getByRole("radio", { name: /Imperial/ }).click();
  await page.getByLabel("Height (ft)").fill("5");
  await page.getByLabel("Height (in)").fill("10");
  await page.getByLabel("Weight (lb)").fill("180");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("saved-height")).toHaveText("5 ft 10 in");
  await expect(page.getByTestId("saved-weight")).toHaveText("180 lb");
  await expect(page.getByLabel("Height (ft)")).toHaveValue("5");
  await expect(page.getByLabel("Height (in)")).toHaveValue("10");
  await expect(page.getByLabel("Weight (lb)")).toHaveValue("180");

  await page.goto("/dashboard");
  await expect(page.getByText("5 ft 10 in")).toBeVisible();
  await expect(page.getByText("180 lb")).toBeVisible();
});

test("profile: out-of-range input shows the server's message on the field", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/settings/profile");
  await page.getByRole("radio", { name: /Metric/ }).click();
  await page.getByLabel("Height (cm)").fill("20");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Height must be at least 50 cm (1 ft 8 in).")).toBeVisible();
  await expect(page.getByLabel("Height (cm)")).toHaveAttribute("aria-invalid", "true");
});

test("onboarding resumes at the saved step after a reload and ends on the dashboard", async ({ page }) => {
  // Signing in lands on the dashboard, which sends a new account to onboarding.
  await registerAndSignIn(page, `onboard-${Date.now()}@example.com`);
  await expect(page).toHaveURL(/\/onboarding$/);

  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await page.getByLabel("Age").fill("31");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Step 2 of 4")).toBeVisible();
  await page.getByRole("radio", { name: /Better sleep/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Step 3 of 4")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Step 3 of 4")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("radio", { name: /Better sleep/ })).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("radio", { name: /Later/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await page.getByRole("radio", { name: /Imperial/ }).click();
  await page.getByRole("button", { name: "Finish" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("No wearable data yet")).toBeVisible();
  await expect(page.getByText("Better sleep")).toBeVisible();
  await expect(page.getByText("Imperial")).toBeVisible();
});

test("notification and privacy settings keep their saved state", async ({ page }) => {
  const hydrationErrors = watchHydrationErrors(page);
  // A fresh account each time, so a retry starts from the defaults too.
  await registerAndSignIn(page, uniqueEmail("settings"));
  await page.goto("/settings/notifications");
  const marketing = page.getByRole("switch", { name: "Product news" });
  await expect(marketing).not.toBeChecked();
  await marketing.click();
  await expect(page.getByText("Notification preferences saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Product news" })).toBeChecked();

  await page.getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByText("Never changed: off by default.").first()).toBeVisible();
  await page.getByRole("switch", { name: "Take part in research" }).click();
  await expect(page.locator("#main-content").getByText(/Last changed/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Take part in research" })).toBeChecked();
  await expect(page.locator("#main-content").getByText(/Last changed/)).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});
