import { expect, test, type Browser, type Page } from "@playwright/test";

const ADMIN = { email: "admin@biosync.local", password: "BioSync-admin-1" };
const PASSWORD = "Maple-river-stone-42";

let counter = 0;
function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${++counter}@example.com`;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function register(page: Page, email: string, password = PASSWORD) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created")).toBeVisible();
}

/** As the seeded admin (in its own browser context), finds the newest email to `to` and returns its link's path. */
async function linkFromOutbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  const row = admin.getByRole("link", { name: subject }).first();
  // The email is sent by a background job: reload the outbox until it shows up.
  await expect(async () => {
    await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.click();
  const text = await admin.getByTestId("email-text").textContent();
  await context.close();
  const url = text?.match(/https?:\/\/\S+\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`no link in the email text: ${text}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

test("register → verification email in the outbox → verify → sign in", async ({ page, browser }) => {
  const email = uniqueEmail("register");
  await register(page, email);

  const link = await linkFromOutbox(browser, email, /Confirm your email/);
  expect(link).toMatch(/^\/verify-email\?token=/);
  await page.goto(link);
  await expect(page.getByText(`Your email address ${email} is verified.`)).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, email, PASSWORD);
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email verification" })).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByText(/invalid, was already used or has expired/)).toBeVisible();
});

test("reset password by email", async ({ page, browser }) => {
  const email = uniqueEmail("reset");
  await register(page, email);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/we sent it a link to choose a new password/)).toBeVisible();

  const link = await linkFromOutbox(browser, email, /Reset your BioSync password/);
  expect(link).toMatch(/^\/reset-password\?token=/);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("Brand-new-harbour-7");
  await page.getByLabel("Repeat new password").fill("Brand-new-harbour-7");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed")).toBeVisible();

  const old = await page.request.post("/api/auth/sign-in", { data: { email, password: PASSWORD } });
  expect(old.status()).toBe(401);
  await signIn(page, email, "Brand-new-harbour-7");
});

test("a wrong current password is rejected on password change", async ({ page }) => {
  const email = uniqueEmail("change");
  await register(page, email);
  await signIn(page, email, PASSWORD);
  await page.goto("/settings/security");
  await page.getByLabel("Current password").fill("Not-my-password-1");
  await page.getByLabel("New password", { exact: true }).fill("Another-long-phrase-9");
  await page.getByLabel("Repeat new password").fill("Another-long-phrase-9");
  await expect(page.getByLabel("Sign out other sessions")).toBeChecked();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not correct.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
});

test("repeated wrong passwords get 429 with Retry-After, then sign-in works after the window", async ({ page }) => {
  const email = uniqueEmail("brute");
  await register(page, email);

  // The form is ready before the attempts start: the e2e server's window is only 6 s.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);

  for (let i = 0; i < 5; i++) {
    const response = await page.request.post("/api/auth/sign-in", { data: { email, password: `wrong-guess-${i}` } });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.message).toBe("The email or password is not correct.");
  }
  const blocked = await page.request.post("/api/auth/sign-in", { data: { email, password: PASSWORD } });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await blocked.json()).error.code).toBe("TOO_MANY_REQUESTS");

  // Even the right password is refused from this IP until the window ends.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ seconds?\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();

  // The e2e server's window is 6 s.
  await expect(page.getByText("You can try signing in again now.")).toBeVisible({ timeout: 10_000 });
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
});

test("a session revoked from another browser is signed out on its next navigation", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const laptop = await first.newPage();
  const phone = await second.newPage();
  const email = uniqueEmail("revoke");
  await register(laptop, email);
  await signIn(laptop, email, PASSWORD);
  await signIn(phone, email, PASSWORD);

  await phone.goto("/settings/security");
  const sessions = phone.getByRole("list", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  await phone.getByRole("button", { name: /^Revoke session/ }).click();
  await expect(sessions).toHaveCount(1);

  await laptop.goto("/settings/security");
  await expect(laptop).toHaveURL(/\/sign-in/);
  // The other browser stays signed in.
  await phone.reload();
  await expect(phone.getByText("This device")).toBeVisible();
  await first.close();
  await second.close();
});

test("tRPC: a protected procedure answers 401 without a session, an admin one 403 for a plain user", async ({ page, request }) => {
  const anonymous = await request.get("/api/trpc/auth.me");
  expect(anonymous.status()).toBe(401);

  const email = uniqueEmail("plain");
  await register(page, email);
  await signIn(page, email, PASSWORD);
  const me = await page.request.get("/api/trpc/auth.me");
  expect(me.status()).toBe(200);
  const forbidden = await page.request.get("/api/trpc/admin.overview");
  expect(forbidden.status()).toBe(403);
});
