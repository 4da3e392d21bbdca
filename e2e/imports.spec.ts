import path from "node:path";
import { DEMO, expect, signIn, test, type Page } from "./support";

const FITBIT_CSV = path.resolve(process.cwd(), "../shared/data/samples/fitbit-dailyActivity-merged.csv");
const FILE_NAME = path.basename(FITBIT_CSV);

/** Slows uploads down so the upload progress bar can be seen moving. */
async function throttleUploads(page: Page, bytesPerSecond: number | null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond ?? -1 });
}

test("imports: a Fitbit CSV uploads with progress and imports; the same file again is recognised", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/devices");
  const section = page.getByRole("region", { name: "Import files" });
  await expect(section.getByText("dailyActivity_merged.csv")).toBeVisible();
  // The past imports load on the client: once they show, the section is interactive.
  await expect(section.getByText("No imports yet")).toBeVisible();

  // A file that is none of the supported exports: the server's message shows on the file field.
  await section.getByLabel("Choose a file").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("name,age\nAda,36\n") });
  await section.getByRole("button", { name: "Upload and import" }).click();
  await expect(section.getByText(/This file is not one BioSync can import/)).toBeVisible();
  await expect(section.getByLabel("Choose another file")).toHaveAttribute("aria-invalid", "true");

  await throttleUploads(page, 40 * 1024);
  await section.getByLabel("Choose another file").setInputFiles(FITBIT_CSV);
  await expect(section.getByText(FILE_NAME)).toBeVisible();
  await section.getByRole("button", { name: "Upload and import" }).click();
  const uploadBar = section.getByRole("progressbar", { name: `Uploading ${FILE_NAME}` });
  await expect(uploadBar).toBeVisible();
  await expect(uploadBar).toHaveAttribute("aria-valuenow", /^\d+$/);
  await throttleUploads(page, null);

  await expect(section.getByText(`Import finished: ${FILE_NAME}`)).toBeVisible({ timeout: 30_000 });
  await expect(section.getByText(/120 items imported · 910 rows skipped · 0 rows with errors · Fitbit person 1503960366/)).toBeVisible();
  const history = section.getByRole("table", { name: "Past imports" });
  await expect(history.getByRole("row").filter({ hasText: FILE_NAME }).getByText("Imported", { exact: true })).toBeVisible();

  await section.getByLabel("Choose a file").setInputFiles(FITBIT_CSV);
  await section.getByRole("button", { name: "Upload and import" }).click();
  await expect(section.getByText("This file was already imported.")).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: FILE_NAME })).toHaveCount(1);

  // Narrow phones: the section fits, wide tables scroll inside their own box.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
