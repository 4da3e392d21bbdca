import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { limitRules } from "@/server/platform/rate-limits/rules";
import { PEER_ADDRESS_HEADER } from "@/server/request";
import { POST } from "./route";

const state = vi.hoisted(() => ({ db: null as Database | null, headers: new Headers() }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
// Auth.js's signIn needs Next's request scope; for credentials it runs the provider's authorize
// with the request, which is what this stand-in does (the real provider, throttle and route).
vi.mock("@/server/account/auth", async () => {
  const { buildAuthConfig } = await import("@/server/account/auth/config");
  const { CredentialsSignin } = await import("next-auth");
  return {
    signIn: async (_provider: string, input: { email: string; password: string }) => {
      const provider = buildAuthConfig().providers[0] as unknown as { options: { authorize(credentials: unknown, request: Request): Promise<unknown> } };
      const user = await provider.options.authorize({ email: input.email, password: input.password }, new Request("http://localhost/api/auth/callback/credentials", { headers: state.headers }));
      if (!user) throw new CredentialsSignin();
    },
  };
});

let handle: DbHandle;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "test-secret-test-secret-test-secret-0123");
  handle = await createTestDb();
  state.db = handle.db;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
});

function signIn(email: string, password: string, ip: string) {
  state.headers = new Headers({ [PEER_ADDRESS_HEADER]: ip });
  return POST(
    new Request("http://localhost/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", [PEER_ADDRESS_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("POST /api/auth/sign-in", () => {
  it("answers 429 with Retry-After once the account + IP limit is reached, even with the right password", async () => {
    await createUser(handle.db, { email: "guarded@example.com", password: "right horse battery" });
    const rule = limitRules().loginAccountIp;
    for (let i = 0; i < rule.points; i++) expect((await signIn("guarded@example.com", "wrong", "192.0.2.5")).status).toBe(401);
    const refused = await signIn("guarded@example.com", "right horse battery", "192.0.2.5");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(rule.windowSeconds - 10);
    expect(await refused.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/) } });
    expect((await signIn("guarded@example.com", "right horse battery", "192.0.2.6")).status).toBe(200);
  });
});
