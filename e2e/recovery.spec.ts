import { ADMIN, expect, newDevicePage, PASSWORD, register, registerAndSignIn, signIn, test, uniqueEmail } from "./support";

test("signing out on Auth.js's own /api/auth/signout page ends the session: a copied cookie no longer works", async ({ page, browser }) => {
  const email = uniqueEmail("signout");
  await registerAndSignIn(page, email);
  const copied = await page.context().cookies();

  await page.goto("/api/auth/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/api/auth/signout"));

  const replay = await newDevicePage(browser);
  await replay.context().addCookies(copied);
  await replay.goto("/settings/security");
  await expect(replay).toHaveURL(/\/sign-in/);
  await replay.context().close();
});

test("registering with a taken address answers as for a new one; the owner is told, and keeps the account", async ({ page, browser }) => {
  test.slow(); // waits for the background email job
  const email = uniqueEmail("taken");
  await register(page, email);
  const again = await newDevicePage(browser);
  await register(again, email, "Someone-elses-phrase-8");
  await again.context().close();

  const admin = await newDevicePage(browser);
  await signIn(admin, ADMIN.email, ADMIN.password);
  // The embedded default says plainly that the outbox is the mailbox.
  await admin.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  await expect(admin.getByTestId("outbox-is-mailbox")).toContainText("This outbox is the mailbox");
  const notice = admin.getByRole("link", { name: /Someone tried to use your address/ });
  await expect(async () => {
    await admin.reload();
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await admin.getByRole("link", { name: /Confirm your email/ }).click();
  await expect(admin.getByTestId("email-secret-link")).toContainText("recorded in the audit trail");
  await admin.context().close();

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/onboarding$/);
});
