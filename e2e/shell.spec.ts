import { ADMIN, DEMO, expect, newDevicePage, signIn, test } from "./support";

test("signed-out visitors see the landing page and are sent to sign-in from app pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("energy");
  await expect(page.getByRole("link", { name: "Create your account" })).toHaveAttribute("href", "/register");

  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fprofile$/);
});

test("unknown pages answer with the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("mobile: the navigation opens in a sheet at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/dashboard");

  const menuButton = page.getByRole("button", { name: "Open navigation" });
  await expect(menuButton).toBeVisible();
  await menuButton.click();
  const sheet = page.getByRole("dialog");
  await expect(sheet).toBeVisible();
  await sheet.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(sheet).toBeHidden();

  // Nothing overflows the narrow viewport sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("keyboard: skip link moves focus to the main content", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/dashboard");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("dark mode toggle applies and survives a reload", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Change theme" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  await page.getByRole("button", { name: "Change theme" }).click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("admin console: admins see the overview, plain users get a 404", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Total accounts")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Signups per day" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Jobs" })).toBeVisible();

  const userPage = await newDevicePage(browser);
  await signIn(userPage, DEMO.email, DEMO.password);
  const response = await userPage.goto("/admin");
  expect(response?.status()).toBe(404);
  await userPage.context().close();
});

test("the account menu signs out", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByText(DEMO.email)).toBeVisible();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("keyboard: the header menus, whose code loads on first use, open from the keyboard without moving the header", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/dashboard");
  const account = page.getByRole("button", { name: /Account menu/ });
  const theme = page.getByRole("button", { name: "Change theme" });
  const before = { account: await account.boundingBox(), theme: await theme.boundingBox() };

  await account.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Settings" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(account).toBeFocused();
  await expect(account).toHaveAttribute("aria-expanded", "false");
  expect(await account.boundingBox()).toEqual(before.account);

  await theme.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitemradio", { name: "System" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(theme).toBeFocused();
  expect(await theme.boundingBox()).toEqual(before.theme);
});
