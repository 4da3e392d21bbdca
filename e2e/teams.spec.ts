import { ADMIN, DEMO, expect, linkFromOutbox, newDevicePage, registerAndSignIn, signIn, test, uniqueEmail } from "./support";
import { putOnPlan } from "./support-plans";

test("an owner on the team plan invites a member by email; the member accepts and shares; the owner sees the score", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const owner = uniqueEmail("team-owner");
  await registerAndSignIn(page, owner);

  // On the free plan the team page explains what is needed, with the guard's own words.
  await page.goto("/team");
  await expect(page.getByText(/included in the Team plan/)).toBeVisible();
  await expect(page.getByRole("link", { name: "See plans" })).toHaveAttribute("href", "/settings/plan");

  const admin = await newDevicePage(browser);
  await signIn(admin, ADMIN.email, ADMIN.password);
  await putOnPlan(admin, owner, "team");
  await admin.context().close();

  await page.goto("/team");
  const orgName = `Riverside ${Date.now()}`;
  await page.getByLabel("Organization name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: orgName })).toBeVisible();
  await expect(page.getByText("You are owner")).toBeVisible();

  const invites = page.getByRole("region", { name: "Invitations" });
  await invites.getByLabel("Email address").fill(DEMO.email);
  await invites.getByRole("button", { name: "Send invitation" }).click();
  await expect(invites.getByTestId("team-invites")).toContainText(DEMO.email);

  // The invited person opens the emailed link in their own browser, signs in with the invited address and accepts.
  const link = await linkFromOutbox(browser, DEMO.email, new RegExp(`Join ${orgName}`));
  const member = await newDevicePage(browser);
  await member.goto(link);
  await member.getByRole("link", { name: "Sign in to accept" }).click();
  await member.getByLabel("Email").fill(DEMO.email);
  await member.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await member.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(member.getByRole("heading", { name: orgName })).toBeVisible();

  // Nothing is shared until the member says so.
  await page.reload();
  const shared = page.getByRole("region", { name: "Shared scores" });
  await expect(shared.getByText("No one shares with you yet")).toBeVisible();
  await member.getByRole("switch", { name: /Share my scores with Every coach/ }).click();
  await expect(member.getByRole("switch", { name: /Share my scores with Every coach/ })).toBeChecked();

  // The demo account's scores are computed by the jobs that follow the seed: reload until they are in.
  const row = shared.getByTestId("shared-members").getByRole("row", { name: /Dana Demo/ });
  await expect(async () => {
    await page.reload();
    await expect(row.getByText(/^(Peak|Good|Fair|Low)$/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  await row.getByRole("button", { name: /View scores/ }).click();
  await expect(shared.getByTestId("member-scores")).toContainText("the last 30 days");
  await expect(shared.getByTestId("member-scores")).toContainText(/Peak|Good|Fair|Low/);

  // The member stops sharing: the owner loses access at once.
  await member.getByRole("switch", { name: /Share my scores with Every coach/ }).click();
  await expect(member.getByRole("switch", { name: /Share my scores with Every coach/ })).not.toBeChecked();
  await page.reload();
  await expect(shared.getByText("No one shares with you yet")).toBeVisible();
  await member.context().close();
});
