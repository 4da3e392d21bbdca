import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { oauthStates, providerConnections, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { startFakeOAuthServer, type FakeOAuthServer } from "@/server/health/devices/testing/oauth-fake-server";
import { limitRules } from "@/server/platform/rate-limits/rules";
import type { SessionUser } from "@/server/trpc";
import { GET as callback } from "./callback/route";
import { GET as connect } from "./connect/route";

const state = vi.hoisted(() => ({ db: null as Database | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

process.env.TOKEN_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;

let handle: DbHandle;
let oura: FakeOAuthServer;

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  oura = await startFakeOAuthServer({ clientId: "oura-client", clientSecret: "oura-secret", clientAuth: "body" });
  Object.assign(process.env, { OURA_CLIENT_ID: "oura-client", OURA_CLIENT_SECRET: "oura-secret", OURA_AUTH_BASE_URL: oura.url, OURA_API_BASE_URL: oura.url });
});
afterAll(async () => {
  await Promise.all([oura.close(), handle.close()]);
});
beforeEach(async () => {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `c-${randomBytes(6).toString("hex")}@example.com` })
    .returning();
  state.user = { id: user!.id, email: user!.email, name: null, role: "user", sessionId: crypto.randomUUID() };
});

const APP = "http://localhost:3000";
const params = (provider: string) => ({ params: Promise.resolve({ provider }) });
const location = (response: Response) => new URL(response.headers.get("location") ?? "", APP);

describe("GET /api/devices/[provider]/connect", () => {
  it("sends a signed-out visitor to sign in and back", async () => {
    state.user = null;
    const response = await connect(new Request(`${APP}/api/devices/oura/connect`), params("oura"));
    expect(response.status).toBe(303);
    expect(location(response).pathname).toBe("/sign-in");
    expect(location(response).searchParams.get("callbackUrl")).toBe("/api/devices/oura/connect");
  });

  it("redirects to the provider's consent page with a stored state", async () => {
    const response = await connect(new Request(`${APP}/api/devices/oura/connect`), params("oura"));
    expect(response.status).toBe(302);
    const target = location(response);
    expect(target.origin).toBe(oura.url);
    const [row] = await handle.db.select().from(oauthStates).where(eq(oauthStates.state, target.searchParams.get("state")!));
    expect(row?.userId).toBe(state.user!.id);
  });

  it("answers 429 with Retry-After past the per-user limit, storing no state for the refused start", async () => {
    const limit = limitRules().oauthConnectUser;
    for (let i = 0; i < limit.points; i++) expect((await connect(new Request(`${APP}/api/devices/oura/connect`), params("oura"))).status).toBe(302);
    const refused = await connect(new Request(`${APP}/api/devices/oura/connect`), params("oura"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(limit.windowSeconds - 10);
    expect(await refused.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
    expect(await handle.db.select().from(oauthStates).where(eq(oauthStates.userId, state.user!.id))).toHaveLength(limit.points);
  });

  it("answers 404 for an unknown provider and 409 naming the variables for an unconfigured one", async () => {
    expect((await connect(new Request(`${APP}/api/devices/nope/connect`), params("nope"))).status).toBe(404);
    const unconfigured = await connect(new Request(`${APP}/api/devices/whoop/connect`), params("whoop"));
    expect(unconfigured.status).toBe(409);
    expect(((await unconfigured.json()) as { error: { message: string } }).error.message).toContain("WHOOP_CLIENT_SECRET");
  });
});

describe("GET /api/devices/[provider]/callback", () => {
  async function started(): Promise<URL> {
    return location(await connect(new Request(`${APP}/api/devices/oura/connect`), params("oura")));
  }

  it("activates the connection and lands on the devices page", async () => {
    const authorize = await started();
    const code = oura.approve(authorize.toString());
    const response = await callback(new Request(`${APP}/api/devices/oura/callback?code=${code}&state=${authorize.searchParams.get("state")}`), params("oura"));
    expect(response.status).toBe(303);
    expect(location(response).pathname).toBe("/devices");
    expect(location(response).searchParams.get("connected")).toBe("oura");
    const [row] = await handle.db.select().from(providerConnections).where(eq(providerConnections.userId, state.user!.id));
    expect(row?.status).toBe("active");
  });

  it("explains a declined consent and spends the state", async () => {
    const authorize = await started();
    const stateValue = authorize.searchParams.get("state")!;
    const response = await callback(new Request(`${APP}/api/devices/oura/callback?error=access_denied&state=${stateValue}`), params("oura"));
    expect(location(response).searchParams.get("error")).toMatch(/declined access in Oura/);
    expect(await handle.db.select().from(oauthStates).where(eq(oauthStates.state, stateValue))).toEqual([]);
  });

  it("reports a replayed state as an error on the devices page", async () => {
    const authorize = await started();
    const code = oura.approve(authorize.toString());
    const url = `${APP}/api/devices/oura/callback?code=${code}&state=${authorize.searchParams.get("state")}`;
    await callback(new Request(url), params("oura"));
    const replay = await callback(new Request(url), params("oura"));
    expect(location(replay).pathname).toBe("/devices");
    expect(location(replay).searchParams.get("error")).toMatch(/already used/);
  });

  it("answers 404 for a provider without OAuth", async () => {
    expect((await callback(new Request(`${APP}/api/devices/demo/callback?code=x&state=y`), params("demo"))).status).toBe(404);
  });
});
