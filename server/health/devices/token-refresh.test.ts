import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { providerConnections, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { getConnection, readTokens, type Connection } from "./connections";
import { completeConnect, startConnect } from "./oauth/flow";
import { startFakeOAuthServer, type FakeOAuthServer } from "./testing/oauth-fake-server";
import { getFreshAccessToken, ReconnectRequiredError, REFRESH_MARGIN_MS } from "./token-refresh";

process.env.TOKEN_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;

let handle: DbHandle;
let oura: FakeOAuthServer;
let fitbit: FakeOAuthServer;

beforeAll(async () => {
  handle = await createTestDb();
  oura = await startFakeOAuthServer({ clientId: "oura-client", clientSecret: "oura-secret", clientAuth: "body" });
  fitbit = await startFakeOAuthServer({ clientId: "fitbit-client", clientSecret: "fitbit-secret", clientAuth: "basic", userIdInTokenResponse: true, rotateRefreshTokens: true });
  Object.assign(process.env, {
    OURA_CLIENT_ID: "oura-client",
    OURA_CLIENT_SECRET: "oura-secret",
    OURA_AUTH_BASE_URL: oura.url,
    OURA_API_BASE_URL: oura.url,
    FITBIT_CLIENT_ID: "fitbit-client",
    FITBIT_CLIENT_SECRET: "fitbit-secret",
    FITBIT_AUTH_BASE_URL: fitbit.url,
    FITBIT_API_BASE_URL: fitbit.url,
  });
});
afterAll(async () => {
  await Promise.all([oura.close(), fitbit.close(), handle.close()]);
});

async function connected(server: FakeOAuthServer, provider: "oura" | "fitbit"): Promise<Connection> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `r-${randomBytes(6).toString("hex")}@example.com` })
    .returning({ id: users.id });
  const { url, state } = await startConnect(handle.db, { userId: user!.id, provider });
  const { connection } = await completeConnect(handle.db, { provider, code: server.approve(url), state, userId: user!.id, fetch });
  return connection;
}

const refreshCalls = (server: FakeOAuthServer) => server.requests.filter((r) => r.form.get("grant_type") === "refresh_token").length;

describe("getFreshAccessToken", () => {
  it("uses the stored token while it is good for more than five minutes", async () => {
    const connection = await connected(oura, "oura");
    const before = refreshCalls(oura);
    const token = await getFreshAccessToken(handle.db, connection, { fetch, now: new Date(connection.tokenExpiresAt!.getTime() - REFRESH_MARGIN_MS - 1000) });
    expect(token).toBe(readTokens(connection).accessToken);
    expect(refreshCalls(oura)).toBe(before);
  });

  it("refreshes before expiry, stores the new tokens encrypted and keeps a refresh token the provider did not replace", async () => {
    const connection = await connected(oura, "oura");
    const old = readTokens(connection);
    const now = new Date(connection.tokenExpiresAt!.getTime() - 60_000);
    const token = await getFreshAccessToken(handle.db, connection, { fetch, now });
    expect(token).not.toBe(old.accessToken);
    expect(oura.liveAccessTokens.has(token)).toBe(true);
    const stored = await getConnection(handle.db, connection.userId, "oura");
    expect(readTokens(stored)).toEqual({ accessToken: token, refreshToken: old.refreshToken });
    expect(stored.accessTokenEnc).not.toContain(token);
    expect(stored.tokenExpiresAt!.getTime()).toBe(now.getTime() + 3600_000);
    const call = oura.requests.filter((r) => r.form.get("grant_type") === "refresh_token").at(-1)!;
    expect(call.form.get("refresh_token")).toBe(old.refreshToken);
    expect(call.form.get("client_secret")).toBe("oura-secret");
  });

  it("stores a rotated refresh token", async () => {
    const connection = await connected(fitbit, "fitbit");
    const old = readTokens(connection);
    await getFreshAccessToken(handle.db, connection, { fetch, force: true });
    const stored = readTokens(await getConnection(handle.db, connection.userId, "fitbit"));
    expect(stored.refreshToken).not.toBe(old.refreshToken);
    expect(fitbit.liveRefreshTokens.has(stored.refreshToken!)).toBe(true);
  });

  it("marks the connection as needing attention when the provider rejects the refresh (invalid_grant)", async () => {
    const connection = await connected(oura, "oura");
    oura.liveRefreshTokens.delete(readTokens(connection).refreshToken!);
    const attempt = getFreshAccessToken(handle.db, connection, { fetch, now: connection.tokenExpiresAt! });
    await expect(attempt).rejects.toBeInstanceOf(ReconnectRequiredError);
    const stored = await getConnection(handle.db, connection.userId, "oura");
    expect(stored.status).toBe("error");
    expect(stored.lastError).toMatch(/Reconnect/);
  });

  it("uses the token a concurrent refresh stored instead of failing on a rotated refresh token", async () => {
    const connection = await connected(fitbit, "fitbit");
    const winner = await getFreshAccessToken(handle.db, connection, { fetch, force: true });
    // `connection` still holds the refresh token the winner just spent.
    const token = await getFreshAccessToken(handle.db, connection, { fetch, force: true });
    expect(token).toBe(winner);
    expect((await getConnection(handle.db, connection.userId, "fitbit")).status).toBe("active");
  });

  it("leaves the connection alone when the provider cannot be reached (the job retries)", async () => {
    const connection = await connected(oura, "oura");
    const unreachable: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    await expect(getFreshAccessToken(handle.db, connection, { fetch: unreachable, force: true })).rejects.not.toBeInstanceOf(ReconnectRequiredError);
    const [stored] = await handle.db.select().from(providerConnections).where(eq(providerConnections.id, connection.id));
    expect(stored?.status).toBe("active");
  });
});
