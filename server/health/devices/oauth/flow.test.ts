import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { jobEvents, oauthStates, providerConnections, rawRecords, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { AppError } from "@/server/errors";
import { rejectionOf } from "@/server/testing";
import { getConnection, readTokens } from "../connections";
import { abandonConnect, completeConnect, disconnectProvider, OAUTH_STATE_TTL_MS, startConnect } from "./flow";
import { startFakeOAuthServer, startFakeTerraServer, type FakeOAuthServer, type FakeTerraServer } from "../testing/oauth-fake-server";
import { storeBatch } from "../../timeseries/store";
import { completeTerraConnect } from "../terra-connect";
import { readPoints } from "../../timeseries/read";
import { emptyBatch } from "../../types";

process.env.TOKEN_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;

let handle: DbHandle;
let oura: FakeOAuthServer;
let fitbit: FakeOAuthServer;
let terra: FakeTerraServer;

beforeAll(async () => {
  handle = await createTestDb();
  oura = await startFakeOAuthServer({ clientId: "oura-client", clientSecret: "oura-secret", clientAuth: "body" });
  fitbit = await startFakeOAuthServer({ clientId: "fitbit-client", clientSecret: "fitbit-secret", clientAuth: "basic", userIdInTokenResponse: true, rotateRefreshTokens: true });
  terra = await startFakeTerraServer({ devId: "terra-dev", apiKey: "terra-key" });
  Object.assign(process.env, {
    TERRA_CLIENT_ID: "terra-dev",
    TERRA_CLIENT_SECRET: "terra-key",
    TERRA_API_BASE_URL: terra.url,
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
  await Promise.all([oura.close(), fitbit.close(), terra.close(), handle.close()]);
});

async function newUser(): Promise<string> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `u-${randomBytes(6).toString("hex")}@example.com` })
    .returning({ id: users.id });
  return user!.id;
}

/** The AppError `promise` fails with. */
const rejection = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

/** Start → the user consents at the fake → callback. */
async function connect(server: FakeOAuthServer, provider: "oura" | "fitbit", userId: string, consent: { grantedScopes?: string[]; externalUserId?: string } = {}) {
  const { url, state } = await startConnect(handle.db, { userId, provider });
  const code = server.approve(url, consent);
  return completeConnect(handle.db, { provider, code, state, userId, fetch });
}

describe("startConnect", () => {
  it("builds the consent URL and keeps a PKCE verifier only for PKCE providers", async () => {
    const userId = await newUser();
    const started = await startConnect(handle.db, { userId, provider: "fitbit", redirectTo: "/onboarding" });
    const url = new URL(started.url);
    expect(url.origin).toBe(fitbit.url);
    expect(url.pathname).toBe("/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "fitbit-client",
      redirect_uri: "http://localhost:3000/api/devices/fitbit/callback",
      scope: "activity heartrate sleep weight profile",
      state: started.state,
      code_challenge_method: "S256",
    });
    const [row] = await handle.db.select().from(oauthStates).where(eq(oauthStates.state, started.state));
    expect(row?.codeVerifier).toMatch(/^[\w-]{43,128}$/);
    expect(row?.redirectTo).toBe("/onboarding");
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(OAUTH_STATE_TTL_MS - 60_000);

    const plain = await startConnect(handle.db, { userId, provider: "oura", redirectTo: "https://evil.example/" });
    expect(new URL(plain.url).searchParams.has("code_challenge")).toBe(false);
    const [ouraRow] = await handle.db.select().from(oauthStates).where(eq(oauthStates.state, plain.state));
    expect(ouraRow?.codeVerifier).toBeNull();
    expect(ouraRow?.redirectTo).toBe("/devices");
  });

  it("refuses unknown, non-OAuth and unconfigured providers", async () => {
    const userId = await newUser();
    expect((await rejection(startConnect(handle.db, { userId, provider: "nope" }))).code).toBe("NOT_FOUND");
    expect((await rejection(startConnect(handle.db, { userId, provider: "demo" }))).code).toBe("BAD_REQUEST");
    const unconfigured = await rejection(startConnect(handle.db, { userId, provider: "whoop" }));
    expect(unconfigured.code).toBe("CONFLICT");
    expect(unconfigured.message).toContain("WHOOP_CLIENT_ID");
  });
});

describe("completeConnect", () => {
  it("exchanges the code with the PKCE verifier and client auth, stores tokens encrypted and asks for a backfill", async () => {
    const userId = await newUser();
    const { connection, redirectTo } = await connect(fitbit, "fitbit", userId);
    expect(redirectTo).toBe("/devices");
    const tokenOwner = fitbit.userOf(readTokens(connection).accessToken!);
    expect(tokenOwner).toMatch(/^ext-/);
    expect(connection).toMatchObject({ status: "active", externalUserId: tokenOwner, scopes: ["activity", "heartrate", "sleep", "weight", "profile"] });

    const tokenCall = fitbit.requests.filter((r) => r.path === "/oauth2/token").at(-1)!;
    expect(tokenCall.form.get("grant_type")).toBe("authorization_code");
    expect(tokenCall.form.get("code_verifier")).toMatch(/^[\w-]{43,}$/);
    expect(tokenCall.headers.authorization).toMatch(/^Basic /);

    const [stored] = await handle.db.select().from(providerConnections).where(eq(providerConnections.id, connection.id));
    const { accessToken, refreshToken } = readTokens(stored!);
    expect(fitbit.liveAccessTokens.has(accessToken!)).toBe(true);
    expect(stored!.accessTokenEnc).not.toContain(accessToken!);
    expect(stored!.refreshTokenEnc).not.toContain(refreshToken!);
    expect(stored!.accessTokenEnc).toMatch(/^v1\.t1\./);
    expect(stored!.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);

    const events = await handle.db.select().from(jobEvents).where(eq(jobEvents.name, "devices/backfill.requested"));
    expect(events.map((e) => e.data)).toContainEqual({ connectionId: connection.id, userId, days: 30 });
  });

  it("asks the provider's profile endpoint who the user is when the token response does not say", async () => {
    const userId = await newUser();
    const { connection } = await connect(oura, "oura", userId);
    expect(connection.externalUserId).toBe(oura.userOf(readTokens(connection).accessToken!));
    const tokenCall = oura.requests.filter((r) => r.path === "/oauth/token").at(-1)!;
    expect(tokenCall.form.get("client_secret")).toBe("oura-secret");
    expect(tokenCall.form.has("code_verifier")).toBe(false);
    expect(oura.requests.some((r) => r.path === "/v2/usercollection/personal_info")).toBe(true);
  });

  it("accepts a state once only", async () => {
    const userId = await newUser();
    const { url, state } = await startConnect(handle.db, { userId, provider: "oura" });
    await completeConnect(handle.db, { provider: "oura", code: oura.approve(url), state, userId, fetch });
    const again = await rejection(completeConnect(handle.db, { provider: "oura", code: oura.approve(url), state, userId, fetch }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toMatch(/already used/);
  });

  it("refuses unknown, expired, foreign and other-provider states", async () => {
    const userId = await newUser();
    const unknown = await rejection(completeConnect(handle.db, { provider: "oura", code: "x", state: "made-up", userId, fetch }));
    expect(unknown.code).toBe("BAD_REQUEST");

    const past = new Date(Date.now() - OAUTH_STATE_TTL_MS - 1000);
    const old = await startConnect(handle.db, { userId, provider: "oura", now: past });
    const expired = await rejection(completeConnect(handle.db, { provider: "oura", code: oura.approve(old.url), state: old.state, userId, fetch }));
    expect(expired.message).toMatch(/expired/);

    const mine = await startConnect(handle.db, { userId, provider: "oura" });
    const someoneElse = await newUser();
    const foreign = await rejection(completeConnect(handle.db, { provider: "oura", code: oura.approve(mine.url), state: mine.state, userId: someoneElse, fetch }));
    expect(foreign.message).toMatch(/another account/);

    const forFitbit = await startConnect(handle.db, { userId, provider: "fitbit" });
    const crossed = await rejection(completeConnect(handle.db, { provider: "oura", code: "x", state: forFitbit.state, userId, fetch }));
    expect(crossed.code).toBe("BAD_REQUEST");
    expect(await handle.db.select().from(providerConnections).where(eq(providerConnections.userId, userId))).toEqual([]);
  });

  it("does not activate a grant that lacks a required scope", async () => {
    const userId = await newUser();
    const error = await rejection(connect(fitbit, "fitbit", userId, { grantedScopes: ["activity", "profile"] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("heartrate, sleep");
    expect(await handle.db.select().from(providerConnections).where(eq(providerConnections.userId, userId))).toEqual([]);
  });

  it("reports a refused code as BAD_REQUEST and a declined consent spends the state", async () => {
    const userId = await newUser();
    const { state } = await startConnect(handle.db, { userId, provider: "oura" });
    const refused = await rejection(completeConnect(handle.db, { provider: "oura", code: "never-issued", state, userId, fetch }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("invalid_grant");

    const declined = await startConnect(handle.db, { userId, provider: "oura" });
    await abandonConnect(handle.db, { provider: "oura", state: declined.state });
    expect(await handle.db.select().from(oauthStates).where(eq(oauthStates.state, declined.state))).toEqual([]);
  });

  it("refuses a provider account that already feeds another BioSync account", async () => {
    const first = await newUser();
    await connect(oura, "oura", first, { externalUserId: "shared-ring" });
    const second = await newUser();
    const error = await rejection(connect(oura, "oura", second, { externalUserId: "shared-ring" }));
    expect(error.code).toBe("CONFLICT");
  });
});

describe("Terra widget connect", () => {
  async function widgetReturn(userId: string) {
    const { url } = await startConnect(handle.db, { userId, provider: "terra" });
    const back = new URL(terra.finishWidget(url));
    return { state: back.searchParams.get("state")!, terraUserId: back.searchParams.get("user_id")!, back };
  }

  it("opens a widget session with the app's keys and our user as reference, then activates the confirmed Terra user", async () => {
    const userId = await newUser();
    const { state, terraUserId, back } = await widgetReturn(userId);
    expect(back.pathname).toBe("/api/devices/terra/callback");
    const session = terra.requests.find((r) => r.path === "/v2/auth/generateWidgetSession")!;
    expect(session.headers["dev-id"]).toBe("terra-dev");
    const { connection } = await completeTerraConnect(handle.db, { state, terraUserId, userId, fetch });
    expect(connection).toMatchObject({ provider: "terra", status: "active", externalUserId: terraUserId, accessTokenEnc: null });
    expect((await handle.db.select().from(jobEvents).where(eq(jobEvents.name, "devices/backfill.requested"))).map((e) => e.data)).toContainEqual({
      connectionId: connection.id,
      userId,
      days: 30,
    });

    const result = await disconnectProvider(handle.db, { userId, provider: "terra", deleteData: false, fetch });
    expect(result.revoked).toBe(true);
    expect(terra.users.has(terraUserId)).toBe(false);
  });

  it("refuses a Terra user that Terra does not know as this user's", async () => {
    const userId = await newUser();
    const { state } = await widgetReturn(userId);
    const someoneElse = await newUser();
    const theirs = await widgetReturn(someoneElse);
    const error = await rejection(completeTerraConnect(handle.db, { state, terraUserId: theirs.terraUserId, userId, fetch }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await handle.db.select().from(providerConnections).where(eq(providerConnections.userId, userId))).toEqual([]);
  });
});

describe("disconnectProvider", () => {
  async function withData(userId: string, source: "oura" | "fitbit" = "oura") {
    const [raw] = await handle.db
      .insert(rawRecords)
      .values({ userId, source, recordType: "sleep", recordId: "r1", payload: {}, contentHash: "h" })
      .returning();
    const at = new Date("2026-01-10T08:00:00Z");
    const sample = { metric: "heart_rate" as const, start: at, end: at, value: 55, source, sourceRecordId: "r1:hr", utcOffsetMinutes: 0 };
    await storeBatch(handle.db, { userId, rawRecordId: raw!.id, timeZone: "UTC" }, { ...emptyBatch(), samples: [sample] });
  }
  const pointsOf = (userId: string) => readPoints(handle.db, { userId });

  it("revokes the grant at the provider and keeps the data", async () => {
    const userId = await newUser();
    await connect(oura, "oura", userId);
    await withData(userId);
    const { accessToken } = readTokens(await getConnection(handle.db, userId, "oura"));
    const result = await disconnectProvider(handle.db, { userId, provider: "oura", deleteData: false, fetch });
    expect(result.revoked).toBe(true);
    expect(oura.requests.some((r) => r.path === "/oauth/revoke" && r.query.get("access_token") === accessToken)).toBe(true);
    expect(oura.liveAccessTokens.has(accessToken!)).toBe(false);
    const after = await getConnection(handle.db, userId, "oura");
    expect(after).toMatchObject({ status: "disconnected", accessTokenEnc: null, refreshTokenEnc: null, autoSync: false });
    expect(await pointsOf(userId)).toHaveLength(1);
  });

  it("deletes the provider's data when asked (RFC 7009 revocation with client auth)", async () => {
    const userId = await newUser();
    await connect(fitbit, "fitbit", userId);
    await withData(userId, "fitbit");
    const { refreshToken } = readTokens(await getConnection(handle.db, userId, "fitbit"));
    const result = await disconnectProvider(handle.db, { userId, provider: "fitbit", deleteData: true, fetch });
    expect(result).toMatchObject({ revoked: true, deletedDays: 1 });
    const revoke = fitbit.requests.filter((r) => r.path === "/oauth2/revoke").at(-1)!;
    expect(revoke.form.get("token")).toBe(refreshToken);
    expect(fitbit.liveRefreshTokens.has(refreshToken!)).toBe(false);
    expect(await pointsOf(userId)).toEqual([]);
    expect(await handle.db.select().from(rawRecords).where(eq(rawRecords.userId, userId))).toEqual([]);
  });

  it("still disconnects when the provider cannot be reached", async () => {
    const userId = await newUser();
    await connect(oura, "oura", userId);
    const unreachable: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    const result = await disconnectProvider(handle.db, { userId, provider: "oura", deleteData: false, fetch: unreachable });
    expect(result.revoked).toBe(false);
    expect((await getConnection(handle.db, userId, "oura")).status).toBe("disconnected");
  });

  it("is NOT_FOUND for a provider the user never connected", async () => {
    const userId = await newUser();
    expect((await rejection(disconnectProvider(handle.db, { userId, provider: "oura", deleteData: false, fetch }))).code).toBe("NOT_FOUND");
  });
});
