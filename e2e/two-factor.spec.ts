import { Secret, TOTP } from "otpauth";
import { completeOnboarding, expect, PASSWORD, registerAndSignIn, test, uniqueEmail, type Page } from "./support";

/** The code an authenticator app would show `steps` 30-second steps from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** Email and password on the sign-in page; with two-step verification on, it stops at the code step. */
async function enterPassword(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("two-step verification: enrol with a proved code, sign in with a code, with a recovery code once", async ({ page }) => {
  test.setTimeout(180_000); // a whole journey: register, onboarding, enrolment, three sign-ins
  const email = uniqueEmail("totp");
  await registerAndSignIn(page, email);
  await completeOnboarding(page);

  await page.goto("/settings/security");
  const setup = page.getByRole("form", { name: "Set up an authenticator app" });
  await setup.getByLabel("Current password").fill(PASSWORD);
  await setup.getByRole("button", { name: "Set up authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code does not turn it on.
  const wrong = codeFor(secret) === "000000" ? "111111" : "000000";
  await page.getByLabel("Code from the app").fill(wrong);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("This code is not right.")).toBeVisible();

  await page.getByLabel("Code from the app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  await expect(page.getByText("10 unused recovery codes left.")).toBeVisible();

  // Password alone is no longer enough: the code step follows, and a wrong code is refused.
  await signOut(page);
  await enterPassword(page, email);
  await enterCode(page, "123456" === codeFor(secret, 1) ? "654321" : "123456");
  await expect(page.getByRole("alert").filter({ hasText: "This code is not right." })).toBeVisible();
  // The enrolment used the current step's code; the next step's is one the app shows next.
  await enterCode(page, codeFor(secret, 1));
  await page.waitForURL((url) => url.pathname === "/dashboard");

  await page.goto("/settings/security");
  await expect(page.getByRole("listitem", { name: /this device/ })).toContainText("Password + authenticator app");

  // A recovery code works once.
  await signOut(page);
  await enterPassword(page, email);
  await enterCode(page, recoveryCodes[0]!);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await page.goto("/settings/security");
  await expect(page.getByRole("listitem", { name: /this device/ })).toContainText("Password + recovery code");
  await expect(page.getByText("9 unused recovery codes left.")).toBeVisible();

  await signOut(page);
  await enterPassword(page, email);
  await enterCode(page, recoveryCodes[0]!);
  await expect(page.getByRole("alert").filter({ hasText: "This code is not right." })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("passkeys: register one with Chromium's virtual authenticator, sign in with it without a password, and as the second step", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("passkey");
  // Not onboarded: every sign-in lands on /onboarding, which is enough to tell it worked.
  await registerAndSignIn(page, email);

  // A platform authenticator with a screen lock, as a laptop's fingerprint reader would be.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.goto("/settings/security");
  const add = page.getByRole("form", { name: "Add a passkey" });
  await add.getByLabel("Passkey name").fill("Virtual key");
  await add.getByLabel("Current password").fill(PASSWORD);
  await add.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Passkey: Virtual key" })).toBeVisible();

  // Password-less: the browser offers the discoverable passkey.
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/onboarding");
  await page.goto("/settings/security");
  await expect(page.getByRole("listitem", { name: /this device/ })).toContainText("Passkey");
  await expect(page.getByRole("listitem", { name: "Passkey: Virtual key" })).toContainText("last used");

  // With two-step verification on, the passkey also stands in for the code after the password.
  const setup = page.getByRole("form", { name: "Set up an authenticator app" });
  await setup.getByLabel("Current password").fill(PASSWORD);
  await setup.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  await page.getByLabel("Code from the app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();

  await signOut(page);
  await enterPassword(page, email);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await page.waitForURL((url) => url.pathname === "/onboarding");
  await page.goto("/settings/security");
  await expect(page.getByRole("listitem", { name: /this device/ })).toContainText("Password + passkey");
});
