import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { ownCsvFile } from "./own-csv";
import { completeOnboarding, expect, newDevicePage, registerAndSignIn, test, uniqueEmail } from "./support";

/** Requests an export of the kind labelled `label` on Your data, waits for it and returns the downloaded file. */
async function exportAndDownload(page: Page, label: string) {
  await page.goto("/settings/data");
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: "Request export" }).click();
  // The newest export of this kind (an earlier one of another kind may be listed first until the list refreshes).
  const item = page.getByRole("list", { name: "Exports" }).getByRole("listitem").filter({ hasText: label }).first();
  await expect(item.getByText("Ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("button", { name: /^Download/ }).click()]);
  return { name: download.suggestedFilename(), path: (await download.path())! };
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto("/devices");
  const imports = page.getByRole("region", { name: "Import files" });
  await imports.getByLabel("Choose a file").setInputFiles(file);
  await imports.getByRole("button", { name: "Upload and import" }).click();
  await expect(imports.getByText(`Import finished: ${file.name}`)).toBeVisible({ timeout: 60_000 });
  return imports;
}

test("download all my data: the zip and the FHIR bundle download, and the zip fills a new account", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await registerAndSignIn(page, uniqueEmail("archive-from"));
  await completeOnboarding(page);
  await importFile(page, { name: "biosync-heart-rate.csv", mimeType: "text/csv", ...ownCsvFile() });

  const fhir = await exportAndDownload(page, "FHIR R4");
  expect(fhir.name).toMatch(/^biosync-fhir-.*\.json$/);
  const bundle = JSON.parse(await readFile(fhir.path, "utf8")) as { resourceType: string; entry: { resource: { resourceType: string; code?: { coding: { code: string }[] } } }[] };
  expect(bundle.resourceType).toBe("Bundle");
  const codes = bundle.entry.map((e) => e.resource.code?.coding[0]?.code);
  expect(codes).toContain("8867-4"); // heart rate, the day's mean of the imported readings

  const archive = await exportAndDownload(page, "Everything (zip)");
  expect(archive.name).toMatch(/^biosync-archive-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile(archive.path);

  // A new account on another device takes the archive through the normal upload.
  const other = await newDevicePage(browser);
  await registerAndSignIn(other, uniqueEmail("archive-to"));
  await completeOnboarding(other);
  const imports = await importFile(other, { name: archive.name, mimeType: "application/zip", buffer: zip });
  await expect(imports.getByText("BioSync archive").first()).toBeVisible();
  // The heart rate readings came across: the new account's own CSV export holds them.
  const again = await exportAndDownload(other, "Metrics as CSV");
  const csv = await readFile(again.path, "utf8");
  for (const row of ownCsvFile().rows) expect(csv).toContain(row);
  await other.context().close();
});
