import { readFile } from "node:fs/promises";
import { ownCsvFile, OWN_CSV_HEADER as HEADER } from "./own-csv";
import { completeOnboarding, expect, registerAndSignIn, test, uniqueEmail } from "./support";

test("exports: a CSV export is requested on Your data, finishes, and downloads with the imported readings", async ({ page }) => {
  // Sign-up, onboarding, an import and an export: more than one page's worth of the default budget.
  test.setTimeout(120_000);
  await registerAndSignIn(page, uniqueEmail("exports"));
  await completeOnboarding(page);

  // Readings in our own CSV format go in through the import (the bad row is reported by its line).
  const { rows, buffer } = ownCsvFile();
  await page.goto("/devices");
  const imports = page.getByRole("region", { name: "Import files" });
  await expect(imports.getByText("No imports yet")).toBeVisible();
  await imports.getByLabel("Choose a file").setInputFiles({ name: "biosync-heart-rate.csv", mimeType: "text/csv", buffer });
  await imports.getByRole("button", { name: "Upload and import" }).click();
  await expect(imports.getByText("Import finished: biosync-heart-rate.csv")).toBeVisible({ timeout: 30_000 });
  await expect(imports.getByText(/3 items imported · 0 rows skipped · 1 row with errors/)).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Your data" }).click();
  await page.waitForURL(/\/settings\/data$/);
  await expect(page.getByRole("link", { name: "Your data" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No exports yet")).toBeVisible();

  // No metric chosen: the server's message shows by the metrics.
  const heartRate = page.getByRole("checkbox", { name: "Heart rate", exact: true });
  await expect(heartRate).toBeChecked();
  await heartRate.uncheck();
  await page.getByRole("button", { name: "Request export" }).click();
  await expect(page.getByText("Choose at least one metric.")).toBeVisible();
  await heartRate.check();
  await expect(page.getByRole("radio", { name: /Metrics as CSV/ })).toBeChecked();
  // From the keyboard: the button is focused and pressed with Enter.
  await page.getByRole("button", { name: "Request export" }).focus();
  await page.keyboard.press("Enter");

  const list = page.getByRole("list", { name: "Exports" });
  const item = list.getByRole("listitem").first();
  await expect(item).toContainText("Metrics as CSV");
  await expect(item).toContainText("Heart rate ·");
  await expect(item.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });

  const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("button", { name: /^Download/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^biosync-heart-rate-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const content = await readFile((await download.path())!, "utf8");
  expect(content).toBe(`${HEADER}\n${rows.join("\n")}\n`);

  // Narrow phones: the page fits without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
