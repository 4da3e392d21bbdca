import { expect, linkFromOutbox, newDevicePage, PASSWORD, register, signIn, test, uniqueEmail } from "./support";

test("register → verification email in the outbox → verify → sign in", async ({ page, browser }) => {
  test.slow(); // waits for the background email job
  const email = uniqueEmail("register");
  await register(page, email);

  const link = await linkFromOutbox(browser, email, /Confirm your email/);
  expect(link).toMatch(/^\/verify-email\?token=/);
  await page.goto(link);
  await expect(page.getByText(`Your email address ${email} is verified.`)).toBeVisible();

  await signIn(page, email, PASSWORD, "/settings/security");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email verification" })).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByText(/invalid, was already used or has expired/)).toBeVisible();
});

test("reset password by email", async ({ page, browser }) => {
  test.slow(); // waits for the background email job
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
  await signIn(page, email, PASSWORD, "/settings/security");
  const form = page.getByRole("form", { name: "Password" });
  await form.getByLabel("Current password").fill("Not-my-password-1");
  await form.getByLabel("New password", { exact: true }).fill("Another-long-phrase-9");
  await form.getByLabel("Repeat new password").fill("Another-long-phrase-9");
  await expect(form.getByLabel("Sign out other sessions")).toBeChecked();
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not correct.")).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
});

test("repeated wrong passwords get 429 with Retry-After, then sign-in works after the window", async ({ page }) => {
  const email = uniqueEmail("brute");
  await register(page, email);

  // The form is ready before the attempts start: the e2e server's window is only 6 s.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);

  // From the browser itself, so every attempt comes from the same client address.
  const post = (password: string) =>
    page.evaluate(async ({ email, password }) => {
      const response = await fetch("/api/auth/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { error?: { code: string; message: string } } };
    }, { email, password });
  for (let i = 0; i < 5; i++) {
    const response = await post(`wrong-guess-${i}`);
    expect(response.status).toBe(401);
    expect(response.body.error?.message).toBe("The email or password is not correct.");
  }
  const blocked = await post(PASSWORD);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
  expect(blocked.body.error?.code).toBe("TOO_MANY_REQUESTS");

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
  const laptop = await newDevicePage(browser);
  const phone = await newDevicePage(browser);
  const email = uniqueEmail("revoke");
  await register(laptop, email);
  await signIn(laptop, email, PASSWORD, "/settings/security");
  await signIn(phone, email, PASSWORD, "/settings/security");

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

  // Signing out revokes the session on the server: a copy of the old cookie no longer works.
  const oldCookies = await phone.context().cookies();
  await phone.getByRole("button", { name: /^Account menu/ }).click();
  await phone.getByRole("menuitem", { name: "Sign out" }).click();
  await phone.waitForURL((url) => url.pathname === "/");
  const replayPage = await newDevicePage(browser);
  await replayPage.context().addCookies(oldCookies);
  await replayPage.goto("/settings/security");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await Promise.all([laptop, phone, replayPage].map((device) => device.context().close()));
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

test("the sign-in endpoint refuses cross-site posts and works as a plain form post", async ({ page, request }) => {
  const email = uniqueEmail("form");
  await register(page, email);

  const crossSite = await request.post("/api/auth/sign-in", { data: { email, password: PASSWORD }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);

  const wrong = await request.post("/api/auth/sign-in", { form: { email, password: "not-the-password" }, maxRedirects: 0 });
  expect(wrong.status()).toBe(303);
  expect(wrong.headers()["location"]).toMatch(/\/sign-in\?error=CredentialsSignin&code=invalid_credentials$/);

  const right = await request.post("/api/auth/sign-in", { form: { email, password: PASSWORD, callbackUrl: "/settings/security" }, maxRedirects: 0 });
  expect(right.status()).toBe(303);
  expect(right.headers()["location"]).toMatch(/\/settings\/security$/);
  expect((await request.get("/api/trpc/auth.me")).status()).toBe(200);
});
