import { ADMIN, DEMO, expect, signIn, test, watchHydrationErrors } from "./support";

test("settings: a user weights the score, sees it after a reload, and resets to the defaults", async ({ page }) => {
  const hydrationErrors = watchHydrationErrors(page);
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/settings/score");
  await expect(page.getByRole("heading", { name: "Energy score weights" })).toBeVisible();
  const hrv = page.getByLabel("Heart rate variability weight");
  await expect(hrv).toHaveValue("20");
  await expect(page.getByTestId("weight-hrv")).toContainText("about 22% of a full day's score");

  await hrv.fill("28");
  await page.getByLabel("Body temperature weight").fill("0");
  await expect(page.getByTestId("weight-temperature")).toContainText("not counted");
  await page.getByRole("button", { name: "Save weights" }).click();
  await expect(page.getByText("Score weights saved", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Heart rate variability weight")).toHaveValue("28");
  await expect(page.getByLabel("Body temperature weight")).toHaveValue("0");
  await expect(page.getByTestId("weight-hrv")).toContainText("default 20");

  // The slider moves with the keyboard too.
  const slider = page.getByRole("slider", { name: "Resting heart rate" });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByLabel("Resting heart rate weight")).toHaveValue("16");

  await page.getByRole("button", { name: "Reset all to defaults" }).click();
  await expect(page.getByText("Score weights reset", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Heart rate variability weight")).toHaveValue("20");
  await expect(page.getByLabel("Resting heart rate weight")).toHaveValue("15");
  expect(hydrationErrors).toEqual([]);
});

test("admin: default weights are set for everyone and back to the documented ones", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Score weights" }).first().click();
  await expect(page).toHaveURL(/\/admin\/score-weights$/);
  await expect(page.getByText("The documented defaults are in use.")).toBeVisible();

  await page.getByLabel("Activity balance weight").fill("20");
  await page.getByRole("button", { name: "Save weights" }).click();
  await expect(page.getByText("Default weights saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Activity balance weight")).toHaveValue("20");
  await expect(page.getByText(/Last changed/)).toBeVisible();

  await page.getByRole("button", { name: "Back to the documented defaults" }).click();
  await expect(page.getByLabel("Activity balance weight")).toHaveValue("10");
});
