import { describe, expect, it } from "vitest";
import { fitbit } from "../../providers/fitbit/adapter";
import { oura } from "../../providers/oura/adapter";
import { buildAuthorizeUrl, startAuthorization } from "./authorize-url";
import { codeChallengeS256 } from "./pkce";

describe("authorize URL", () => {
  it("carries client, redirect, scopes, state and the S256 challenge for PKCE providers", () => {
    const started = startAuthorization(fitbit.oauth!, { clientId: "23ABCD", redirectUri: "https://biosync.test/api/devices/fitbit/callback" });
    const params = Object.fromEntries(started.url.searchParams);
    expect(started.url.origin + started.url.pathname).toBe("https://www.fitbit.com/oauth2/authorize");
    expect(params).toEqual({
      response_type: "code",
      client_id: "23ABCD",
      redirect_uri: "https://biosync.test/api/devices/fitbit/callback",
      scope: "activity heartrate sleep weight profile",
      state: started.state,
      code_challenge: codeChallengeS256(started.codeVerifier!),
      code_challenge_method: "S256",
    });
  });

  it("sends no PKCE parameters to providers without PKCE", () => {
    const started = startAuthorization(oura.oauth!, { clientId: "oura-client", redirectUri: "https://biosync.test/cb", scopes: ["daily"] });
    expect(started.codeVerifier).toBeNull();
    expect(started.url.searchParams.get("scope")).toBe("daily");
    expect(started.url.searchParams.has("code_challenge")).toBe(false);
  });

  it("refuses to build a PKCE provider's URL without a challenge", () => {
    expect(() => buildAuthorizeUrl(fitbit.oauth!, { clientId: "x", redirectUri: "https://biosync.test/cb", state: "s" })).toThrow();
  });
});
