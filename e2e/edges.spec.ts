import type { APIRequestContext } from "@playwright/test";
import { expect, PASSWORD, register, signIn, test, uniqueEmail } from "./support";

/*
 * The edges against the real server (scripts/serve.mjs): a client cannot choose its address with
 * forwarding headers, cross-site posts are refused on every kind of route, redirects stay on the
 * app, and the security headers are there.
 */

/** Headers a client might send to pass for someone else (the e2e server trusts no proxy). */
const spoofed = (n: number) => ({ "x-forwarded-for": `6.6.${n}.${n}`, "x-real-ip": `7.7.${n}.${n}`, "x-biosync-peer": `8.8.${n}.${n}` });

async function registerApi(request: APIRequestContext, email: string) {
  const created = await request.post("/api/trpc/auth.register", { data: { json: { email, password: PASSWORD } } });
  expect(created.status(), await created.text()).toBe(200);
}

test("rotating X-Forwarded-For does not move the sign-in block: attempt 6 is refused with 429", async ({ request }) => {
  const email = uniqueEmail("xff");
  await registerApi(request, email);
  // Load the route first: the e2e server's window is only 6 s, and all six attempts must fall in it.
  await request.post("/api/auth/sign-in", { data: { email: uniqueEmail("warm-up"), password: "x" } });
  for (let i = 1; i <= 5; i++) {
    const wrong = await request.post("/api/auth/sign-in", { data: { email, password: `wrong-guess-${i}` }, headers: spoofed(i) });
    expect(wrong.status(), `attempt ${i}`).toBe(401);
  }
  const blocked = await request.post("/api/auth/sign-in", { data: { email, password: PASSWORD }, headers: spoofed(6) });
  expect(blocked.status()).toBe(429);
  expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("TOO_MANY_REQUESTS");
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
});

test("the session list shows the address the browser connected from, not one it sent", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: spoofed(9) });
  const page = await context.newPage();
  const email = uniqueEmail("peer");
  await register(page, email);
  await signIn(page, email, PASSWORD, "/settings/security");
  const session = page.getByRole("list", { name: "Sessions" }).getByRole("listitem").filter({ hasText: "This device" });
  await expect(session).toContainText(/127\.0\.0\.1|::1/);
  await expect(session).not.toContainText(/6\.6\.9\.9|7\.7\.9\.9|8\.8\.9\.9/);
  await context.close();
});

test("cross-site posts get 403 through the proxy and on the upload route; tRPC takes only JSON (415)", async ({ request }) => {
  const email = uniqueEmail("csrf");
  await registerApi(request, email);
  expect((await request.post("/api/auth/sign-in", { data: { email, password: PASSWORD } })).status()).toBe(200);

  const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  const update = await request.post("/api/trpc/profile.update", { data: { json: { displayName: "pwned" } }, headers: foreign });
  expect(update.status()).toBe(403);
  expect(((await update.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Cross-site/) });
  const upload = await request.post("/api/imports?filename=daily.csv", { data: "Id,ActivityDate\n", headers: { ...foreign, "content-type": "text/csv" } });
  expect(upload.status()).toBe(403);
  const multipart = await request.post("/api/trpc/auth.signOutOtherSessions", { multipart: { json: "{}" } });
  expect(multipart.status()).toBe(415);
  // The same session, from the app's own origin, is served.
  expect((await request.get("/api/trpc/auth.me")).status()).toBe(200);
});

test("a callbackUrl that collapses to another host lands on the app", async ({ page, baseURL }) => {
  const email = uniqueEmail("redirect");
  await register(page, email);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/.//evil.example/phish")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("security headers stay, and no HSTS over plain HTTP even when the client claims HTTPS", async ({ request }) => {
  const headers = (await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } })).headers();
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
});
