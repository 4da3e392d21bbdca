import type { Page } from "@playwright/test";
import { ADMIN, expect, signIn } from "./support";

/*
 * A stand-in with the interface of the admin helper's e2e/support-plans.ts (theirs replaces this
 * file at merge): puts `email` on `plan` the way an operator does, through the admin console.
 */
export async function putOnPlan(page: Page, email: string, plan: "free" | "pro" | "team") {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await page.getByLabel("Plan").click();
  await page.getByRole("option", { name: new RegExp(plan, "i") }).click();
  await page.getByLabel("Reason").fill("End-to-end test of the team dashboard");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText(/saved/i)).toBeVisible();
}
