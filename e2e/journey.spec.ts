import { expect, linkFromOutbox, PASSWORD, register, signIn, test, uniqueEmail } from "./support";

test("a new user: register → verify by email → sign in → onboarding → profile in imperial units → sign out", async ({ page, browser }) => {
  test.slow(); // waits for the background email job
  const email = uniqueEmail("journey");
  await register(page, email);

  const link = await linkFromOutbox(browser, email, /Confirm your email/);
  await page.goto(link);
  await expect(page.getByText(`Your email address ${email} is verified.`)).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Age").fill("42");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /More energy/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /Later/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /Imperial/ }).click();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/profile");
  await page.getByLabel("Height (ft)").fill("6");
  await page.getByLabel("Height (in)").fill("1");
  await page.getByLabel("Weight (lb)").fill("165");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("saved-height")).toHaveText("6 ft 1 in");
  await page.reload();
  await expect(page.getByTestId("saved-height")).toHaveText("6 ft 1 in");
  await expect(page.getByTestId("saved-weight")).toHaveText(/165 lb/);

  await page.getByRole("button", { name: /^Account menu for/ }).click();
  await page.getByRole("menuitem", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
