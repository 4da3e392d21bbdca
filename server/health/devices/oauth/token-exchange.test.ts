import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OAuthSettings } from "../../providers/types";
import { fitbit } from "../../providers/fitbit/adapter";
import { garmin } from "../../providers/garmin/adapter";
import { oura } from "../../providers/oura/adapter";
import { whoop } from "../../providers/whoop/adapter";
import { RateLimitedError, TokenExpiredError } from "../../providers/shared/errors";
import { startFakeServer, type FakeServer } from "../../providers/testing/fake-server";
import { MissingScopeError, OAuthError } from "./errors";
import { exchangeCode, refreshAccessToken, revokeToken } from "./token-exchange";

const NOW = new Date("2024-03-10T08:00:00Z");
const client = { clientId: "client-1", clientSecret: "secret/1" };
let server: FakeServer;

/** A provider's settings pointed at the local fake. */
function local(settings: OAuthSettings | null, paths: { token: string; revoke?: string }): OAuthSettings {
  const base = settings!;
  return { ...base, tokenUrl: server.baseUrl + paths.token, revoke: base.revoke && paths.revoke ? { ...base.revoke, url: server.baseUrl + paths.revoke } : base.revoke };
}

beforeAll(async () => {
  server = await startFakeServer((req) => {
    const form = new URLSearchParams(req.body);
    if (req.path === "/fitbit/token") {
      if (req.headers.authorization !== `Basic ${Buffer.from("client-1:secret%2F1").toString("base64")}`) return { status: 401, json: { error: "invalid_client" } };
      if (form.get("grant_type") === "authorization_code") {
        if (form.get("code") !== "code-1" || form.get("code_verifier") !== "v".repeat(43)) return { status: 400, json: { error: "invalid_grant", error_description: "bad code" } };
        return { json: { access_token: "at-1", refresh_token: "rt-1", expires_in: 28_800, scope: "sleep activity heartrate profile", token_type: "Bearer", user_id: "7ABCDE" } };
      }
      if (form.get("refresh_token") === "rt-1") return { json: { access_token: "at-2", refresh_token: "rt-2", expires_in: 28_800, scope: "sleep activity heartrate" } };
      return { status: 400, json: { error: "invalid_grant", error_description: "Refresh token invalid" } };
    }
    if (req.path === "/fitbit/revoke") return form.get("token") ? { status: 200, json: {} } : { status: 400, json: {} };
    if (req.path === "/whoop/token") {
      if (form.get("client_secret") !== "secret/1") return { status: 401, json: { error: "invalid_client" } };
      if (form.get("grant_type") === "refresh_token" && form.get("scope") === "offline") return { json: { access_token: "at-w2", expires_in: "3600", scope: "read:sleep read:recovery offline" } };
      if (form.get("code") === "code-w") return { json: { access_token: "at-w", refresh_token: "rt-w", expires_in: 3600, scope: "read:sleep offline" } };
      return { status: 400, json: { error: "invalid_request" } };
    }
    if (req.path === "/oura/token") return { status: 429, headers: { "retry-after": "9" }, json: {} };
    if (req.path === "/oura/revoke") return req.query.get("access_token") === "at-o" ? { status: 200 } : { status: 400 };
    if (req.path === "/garmin/registration") return req.headers.authorization === "Bearer at-g" ? { status: 204 } : { status: 401 };
    return undefined;
  });
});
afterAll(() => server.close());

describe("token exchange", () => {
  it("exchanges a code with Basic client auth and the PKCE verifier; expires_in becomes expiresAt", async () => {
    const tokens = await exchangeCode(local(fitbit.oauth, { token: "/fitbit/token" }), { ...client, code: "code-1", redirectUri: "https://biosync.test/cb", codeVerifier: "v".repeat(43), fetch, now: NOW });
    expect(tokens).toEqual({
      accessToken: "at-1",
      refreshToken: "rt-1",
      expiresAt: new Date(NOW.getTime() + 28_800_000),
      scopes: ["sleep", "activity", "heartrate", "profile"],
      tokenType: "Bearer",
      externalUserId: "7ABCDE",
    });
    expect(server.requests.at(-1)?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("refuses a grant without a required scope", async () => {
    const error = await exchangeCode(local(whoop.oauth, { token: "/whoop/token" }), { ...client, code: "code-w", redirectUri: "https://biosync.test/cb", fetch, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingScopeError);
    expect((error as MissingScopeError).missing).toEqual(["read:recovery"]);
  });

  it("reports the token endpoint's error code; invalid_grant means reconnect", async () => {
    const error = await exchangeCode(local(fitbit.oauth, { token: "/fitbit/token" }), { ...client, code: "wrong", redirectUri: "https://biosync.test/cb", codeVerifier: "v".repeat(43), fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).needsReconnect).toBe(true);
  });

  it("surfaces 429 from the token endpoint as RateLimitedError", async () => {
    const error = await exchangeCode(local(oura.oauth, { token: "/oura/token" }), { ...client, code: "c", redirectUri: "https://biosync.test/cb", fetch }).catch((e: unknown) => e);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(9);
  });
});

describe("token refresh", () => {
  it("stores a rotated refresh token", async () => {
    const tokens = await refreshAccessToken(local(fitbit.oauth, { token: "/fitbit/token" }), { ...client, refreshToken: "rt-1", currentScopes: ["sleep", "activity", "heartrate"], fetch, now: NOW });
    expect(tokens).toMatchObject({ accessToken: "at-2", refreshToken: "rt-2", expiresAt: new Date(NOW.getTime() + 28_800_000) });
  });

  it("keeps the old refresh token when none is returned and sends the provider's extra refresh fields", async () => {
    const tokens = await refreshAccessToken(local(whoop.oauth, { token: "/whoop/token" }), { ...client, refreshToken: "rt-w", currentScopes: whoop.oauth!.defaultScopes, fetch, now: NOW });
    expect(tokens).toMatchObject({ accessToken: "at-w2", refreshToken: "rt-w", expiresAt: new Date(NOW.getTime() + 3_600_000) });
  });

  it("fails with invalid_grant for a dead refresh token", async () => {
    await expect(refreshAccessToken(local(fitbit.oauth, { token: "/fitbit/token" }), { ...client, refreshToken: "dead", currentScopes: [], fetch })).rejects.toMatchObject({ code: "invalid_grant" });
  });
});

describe("revocation", () => {
  it("revokes the provider's way", async () => {
    await expect(revokeToken(local(fitbit.oauth, { token: "/fitbit/token", revoke: "/fitbit/revoke" }), { ...client, accessToken: "at-1", refreshToken: "rt-1", fetch })).resolves.toBe(true);
    expect(new URLSearchParams(server.requests.at(-1)?.body).get("token")).toBe("rt-1");
    await expect(revokeToken(local(oura.oauth, { token: "/oura/token", revoke: "/oura/revoke" }), { ...client, accessToken: "at-o", fetch })).resolves.toBe(true);
    await expect(revokeToken(local(garmin.oauth, { token: "/t", revoke: "/garmin/registration" }), { ...client, accessToken: "at-g", fetch })).resolves.toBe(true);
    expect(server.requests.at(-1)?.method).toBe("DELETE");
    await expect(revokeToken(local(garmin.oauth, { token: "/t", revoke: "/garmin/registration" }), { ...client, accessToken: "expired", fetch })).rejects.toBeInstanceOf(TokenExpiredError);
  });
});
