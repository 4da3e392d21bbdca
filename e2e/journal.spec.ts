import { completeOnboarding, expect, registerAndSignIn, test, uniqueEmail, watchHydrationErrors } from "./support";

test("journal: an entry with a mood, a new tag and a note shows in the list and the calendar, is edited and deleted", async ({ page }) => {
  // The fresh server is still delivering the demo account's history in the same process: answers can be slow.
  test.setTimeout(240_000);
  const hydrationErrors = watchHydrationErrors(page);
  await registerAndSignIn(page, uniqueEmail("journal"));
  await completeOnboarding(page);
  await page.getByRole("navigation").first().getByRole("link", { name: "Journal" }).click();
  await page.waitForURL(/\/journal$/);
  await expect(page.getByRole("heading", { name: "Today’s entry" })).toBeVisible();

  // Mood from the keyboard: the unrated slider waits at 5; two steps right are 7.
  const mood = page.getByRole("slider", { name: "Mood" });
  await expect(mood).toHaveAttribute("aria-valuetext", "Not rated");
  await mood.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(mood).toHaveAttribute("aria-valuetext", "7 of 10");
  await page.getByLabel("New tag").fill("Sauna session");
  await page.getByLabel("New tag").press("Enter");
  await expect(page.getByRole("button", { name: "Sauna session", pressed: true })).toBeVisible();
  await page.getByRole("button", { name: "stress", pressed: false }).click();
  await page.getByLabel("Notes").fill("Long day at work; the sauna helped.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved", { exact: true })).toBeVisible({ timeout: 30_000 });

  // Stored: a reload shows the same entry.
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue("Long day at work; the sauna helped.");
  await expect(page.getByRole("slider", { name: "Mood" })).toHaveAttribute("aria-valuenow", "7");
  await expect(page.getByRole("button", { name: "Sauna session", pressed: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "stress", pressed: true })).toBeVisible();

  await page.getByRole("tab", { name: "List" }).click();
  const entries = page.getByRole("region", { name: "Journal entries" });
  const row = entries.getByRole("listitem").filter({ hasText: "Sauna session" });
  await expect(row).toContainText("Mood 7/10", { timeout: 45_000 });
  await expect(row).toContainText("stress");
  await expect(row).toContainText("Note");

  // The calendar marks the day with its mood; the day opens its entry.
  await page.getByRole("tab", { name: "Calendar" }).click();
  await page.getByRole("button", { name: /: mood 7 of 10, 2 tags, a note$/ }).click({ timeout: 45_000 });
  await expect(page.getByRole("tab", { name: "Entry", selected: true })).toBeVisible();
  await page.getByRole("slider", { name: "Mood" }).focus();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "stress", pressed: true }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Entry saved", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("tab", { name: "List" }).click();
  await expect(row).toContainText("Mood 10/10", { timeout: 45_000 });
  await expect(row).not.toContainText("stress");

  // The tag set: rename a tag, and every entry shows the new name.
  await page.getByRole("tab", { name: "Tags" }).click();
  await page.getByRole("button", { name: "Rename Sauna session" }).click({ timeout: 45_000 });
  await page.getByRole("dialog").getByLabel("Tag name").fill("Sauna");
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Tag renamed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("tab", { name: "List" }).click();
  const renamed = entries.getByRole("listitem").filter({ hasText: "Sauna" });
  await expect(renamed).not.toContainText("Sauna session", { timeout: 45_000 });
  await expect(renamed).toContainText("Mood 10/10");

  // Delete, after confirming.
  await page.getByRole("button", { name: /^Edit the entry of/ }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog", { name: "Delete this entry?" })).toBeVisible();
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page.getByText("Entry deleted", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Save entry" })).toBeVisible();
  await expect(page.getByLabel("Notes")).toHaveValue("");
  await page.getByRole("tab", { name: "List" }).click();
  await expect(page.getByText("No entries in this range")).toBeVisible({ timeout: 45_000 });
  await page.getByRole("tab", { name: "Tags" }).click();
  await page.getByRole("button", { name: "Delete stress" }).click({ timeout: 45_000 });
  await page.getByRole("button", { name: "Delete tag" }).click();
  await expect(page.getByText("Tag deleted", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Delete stress" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete Sauna" })).toBeVisible();

  // On a phone the page fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/journal");
  await expect(page.getByRole("slider", { name: "Mood" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(hydrationErrors).toEqual([]);
});
