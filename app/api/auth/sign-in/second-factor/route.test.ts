import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/server/request";
import type { Database, DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { callerFor, sessionFor } from "@/server/testing";
import { createSession } from "@/server/account/auth/sessions";
import { createUser } from "@/server/account/auth/users";
import { totpCodeAt } from "@/server/account/two-factor/totp";
import { POST as passwordStep } from "../route";
import { POST as passkeyOptions } from "./passkey-options/route";
import { POST } from "./route";

const state = vi.hoisted(() => ({ db: null as Database | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
// Auth.js's signIn() needs a Next request; here it runs the provider's authorize as Auth.js would (its refusals are rethrown).
vi.mock("@/server/account/auth", async () => {
  const { buildAuthConfig } = await import("@/server/account/auth/config");
  return {
    signIn: async (id: string, { redirect: _r, redirectTo: _t, ...credentials }: Record<string, unknown>) => {
      const provider = buildAuthConfig().providers.find((p) => ((p as { options?: { id?: string } }).options?.id ?? (p as { id: string }).id) === id);
      const authorize = (provider as unknown as { options: { authorize: (c: unknown, r: Request) => Promise<unknown> } }).options.authorize;
      const user = await authorize(credentials, new Request("http://localhost/api/auth/callback", { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9" } }));
      if (!user) throw new Error("no user");
    },
  };
});

const PASSWORD = "correct horse battery";
let handle: DbHandle;
let secret = "";
const email = "route-two-factor@example.com";

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  const user = await createUser(handle.db, { email, password: PASSWORD });
  const caller = callerFor(handle.db, sessionFor(user, await createSession(handle.db, { userId: user.id, ip: null, userAgent: null })));
  secret = (await caller.twoFactor.beginTotp({ currentPassword: PASSWORD })).secret;
  await caller.twoFactor.confirmTotp({ code: totpCodeAt(secret, new Date(Date.now() - 30_000)) });
});
afterAll(() => handle.close());

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost", origin: "http://localhost", ...headers },
    body: JSON.stringify(body),
  });
}

/** The ticket cookie a password step set, as `name=value` for the next request. */
async function ticketCookie(): Promise<string> {
  const response = await passwordStep(post("/api/auth/sign-in", { email, password: PASSWORD }));
  expect(response.status).toBe(200);
  expect((await response.json()).secondStep).toMatchObject({ methods: ["totp", "recovery"] });
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/^biosync\.second-step=[\w-]{43}; Path=\/api\/auth; Max-Age=300; HttpOnly; SameSite=Strict/);
  return cookie.split(";")[0]!;
}

describe("POST /api/auth/sign-in/second-factor", () => {
  it("refuses a foreign origin and a request without the ticket cookie", async () => {
    expect((await POST(post("/api/auth/sign-in/second-factor", { code: "123456" }, { origin: "https://evil.example" }))).status).toBe(403);
    const missing = await POST(post("/api/auth/sign-in/second-factor", { code: "123456" }));
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.fields).toEqual([expect.objectContaining({ path: "ticket" })]);
    expect((await POST(post("/api/auth/sign-in/second-factor", {}))).status).toBe(400);
  });

  it("answers a wrong code with 401 on the code field, a right one by signing in once, then the ticket is gone", async () => {
    const cookie = await ticketCookie();
    const wrong = await POST(post("/api/auth/sign-in/second-factor", { code: "zzzzz-zzzzz" }, { cookie }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.fields).toEqual([expect.objectContaining({ path: "code" })]);

    const right = await POST(post("/api/auth/sign-in/second-factor", { code: totpCodeAt(secret), callbackUrl: "/devices" }, { cookie }));
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ ok: true, redirectTo: "/devices" });
    expect(right.headers.get("set-cookie")).toMatch(/^biosync\.second-step=; .*Max-Age=0/);

    const again = await POST(post("/api/auth/sign-in/second-factor", { code: totpCodeAt(secret, new Date(Date.now() + 30_000)) }, { cookie }));
    expect(again.status).toBe(401);
    expect((await again.json()).error.fields).toEqual([expect.objectContaining({ path: "ticket" })]);
  });

  it("offers passkey options only for a live ticket of an account with passkeys", async () => {
    expect((await passkeyOptions(post("/api/auth/sign-in/second-factor/passkey-options", {}))).status).toBe(401);
    expect((await passkeyOptions(post("/api/auth/sign-in/second-factor/passkey-options", {}, { cookie: await ticketCookie() }))).status).toBe(400);
  });
});
