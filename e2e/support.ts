import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export { expect };
export type { Page };

/** The accounts the seed creates on the e2e server's empty database. */
export const DEMO = { email: "demo@biosync.local", password: "BioSync-demo-1" } as const;
export const ADMIN = { email: "admin@biosync.local", password: "BioSync-admin-1" } as const;
/** A password that passes the policy, for accounts the tests register. */
export const PASSWORD = "Maple-river-stone-42";

let counter = 0;
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${++counter}@example.com`;
}

/*
 * A streamed page first arrives with loading fallbacks and its finished content in hidden segments
 * (`<div hidden id="S:…">`) that React swaps in; when the client renders a boundary itself, the
 * same element can briefly exist twice. Navigations made through these pages wait until every
 * segment has been swapped in, so assertions see the page the user sees.
 */
export async function streamed(page: Page) {
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
}

function waitingForStreams(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const waitForURL = page.waitForURL.bind(page);
  page.goto = async (...args) => {
    const response = await goto(...args);
    await streamed(page);
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await streamed(page);
    return response;
  };
  page.waitForURL = async (...args) => {
    await waitForURL(...args);
    await streamed(page);
  };
  return page;
}

/** Playwright's `test` whose `page` waits for streamed content after each navigation. */
export const test = base.extend({
  page: async ({ page }, provide) => {
    await provide(waitingForStreams(page));
  },
});

/** A page in a browser context of its own (another device), waiting for streams like `page`. */
export async function newDevicePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return waitingForStreams(await context.newPage());
}

/** Signs in through the sign-in page; waits until the app has navigated away from it. */
export async function signIn(page: Page, email: string, password: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(callbackUrl ? (url) => url.pathname === callbackUrl : (url) => !url.pathname.startsWith("/sign-in"));
}

export async function register(page: Page, email: string, password = PASSWORD) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created")).toBeVisible();
}

/** A new account, signed in: it lands on onboarding, which it has not done yet. */
export async function registerAndSignIn(page: Page, email: string, password = PASSWORD) {
  await register(page, email, password);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/onboarding$/);
}

/** A new account, signed in on an API request context (no browser): for tests of the HTTP API itself. */
export async function registerAndSignInApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const created = await request.post("/api/trpc/auth.register", { data: { json: { email, password } } });
  expect(created.status(), await created.text()).toBe(200);
  const signedIn = await request.post("/api/auth/sign-in", { data: { email, password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
}

/** As the seeded admin (in its own browser context), finds the newest email to `to` and returns its link's path. */
export async function linkFromOutbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const text = await emailTextFromOutbox(browser, to, subject);
  const url = text.match(/https?:\/\/\S+\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`no link in the email text: ${text}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** As the seeded admin (in its own browser context), the text of the newest email to `to` whose subject matches. */
export async function emailTextFromOutbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const admin = await newDevicePage(browser);
  await signIn(admin, ADMIN.email, ADMIN.password);
  const row = admin.getByRole("link", { name: subject }).first();
  // The email is sent by a background job: reload the outbox until it shows up.
  await expect(async () => {
    await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.click();
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  await admin.context().close();
  return text;
}

/** Walks a fresh account through the four onboarding steps (the dashboard needs them done). */
export async function completeOnboarding(page: Page) {
  // A new account is sent to onboarding straight after signing in. Wait for that page to load (and
  // stream): its scripts, not just its address, or a click lands before the form is live and the
  // browser submits it itself.
  await page.waitForURL(/\/onboarding$/);
  await page.getByLabel("Age").fill("35");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /More energy/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /^Now/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Finish" }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** Collects React hydration failures (server HTML that the browser rendered differently). */
export function watchHydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const record = (text: string) => {
    if (/hydrat|#418|#423|#425/i.test(text)) errors.push(text);
  };
  page.on("pageerror", (error) => record(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") record(message.text());
  });
  return errors;
}
