import { expect, type Page } from "./support";

const PLAN_NAMES = { free: "Free", pro: "Pro", team: "Team" } as const;

/**
 * As the admin signed in on `page`, puts the account of `email` on `plan` through the console:
 * /admin/users?q=<email> → the account → the "Plan" select → "Save plan" with a reason.
 */
export async function putOnPlan(page: Page, email: string, plan: keyof typeof PLAN_NAMES, reason = "End-to-end test setup"): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email, exact: true }).click();
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await page.getByLabel("Plan", { exact: true }).click();
  await page.getByRole("option", { name: PLAN_NAMES[plan], exact: true }).click();
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText(`Plan set to ${PLAN_NAMES[plan]}`, { exact: true })).toBeVisible();
}
