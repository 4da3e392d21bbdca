import { z } from "zod";
import type { OAuthSettings } from "../../providers/types";
import { ProviderHttpError, RateLimitedError, TokenExpiredError } from "../../providers/shared/errors";
import { retryAfterSeconds } from "../../providers/shared/http";
import { MissingScopeError, OAuthError } from "./errors";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenSet {
  accessToken: string;
  /** Null when the provider issued none; on refresh the previous one is kept unless a new one came. */
  refreshToken: string | null;
  /** Null when the provider does not say when the token expires. */
  expiresAt: Date | null;
  scopes: string[];
  tokenType: string;
  /** The provider's user id when the token response names it (Fitbit `user_id`). */
  externalUserId: string | null;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  refresh_token: z.string().nullish(),
  scope: z.string().nullish(),
  user_id: z.union([z.string(), z.number()]).transform(String).nullish(),
});

const errorResponse = z.object({ error: z.string(), error_description: z.string().nullish() });

/** Scopes as written by any provider: space- or comma-separated. */
export function splitScopes(scope: string): string[] {
  return scope.split(/[\s,]+/).filter(Boolean);
}

/**
 * Reads a token response. When the response omits `scope`, the grant equals the request
 * (RFC 6749 §5.1). A grant lacking a required scope throws MissingScopeError.
 */
export function parseTokenResponse(settings: OAuthSettings, json: unknown, opts: { requestedScopes: readonly string[]; now: Date }): TokenSet {
  const parsed = tokenResponse.safeParse(json);
  if (!parsed.success) throw new ProviderHttpError(502, "The token endpoint answered without an access token.");
  const body = parsed.data;
  const scopes = body.scope ? splitScopes(body.scope) : [...opts.requestedScopes];
  const missing = settings.requiredScopes.filter((s) => !scopes.includes(s));
  if (missing.length > 0) throw new MissingScopeError(missing, scopes);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: typeof body.expires_in === "number" ? new Date(opts.now.getTime() + body.expires_in * 1000) : null,
    scopes,
    tokenType: body.token_type ?? "Bearer",
    externalUserId: body.user_id ?? null,
  };
}

function basicAuth({ clientId, clientSecret }: ClientCredentials): string {
  // RFC 6749 §2.3.1: form-encode id and secret before base64.
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
}

async function postForm(settings: OAuthSettings, client: ClientCredentials, form: Record<string, string>, fetchImpl: typeof fetch, url = settings.tokenUrl): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  const body = new URLSearchParams(form);
  if (settings.clientAuth === "basic") headers.authorization = basicAuth(client);
  else {
    body.set("client_id", client.clientId);
    body.set("client_secret", client.clientSecret);
  }
  try {
    return await fetchImpl(url, { method: "POST", headers, body });
  } catch (cause) {
    throw new ProviderHttpError(0, `Could not reach ${new URL(url).host}.`, { cause });
  }
}

async function readTokenResponse(response: Response): Promise<unknown> {
  if (response.status === 429) throw new RateLimitedError(retryAfterSeconds(response.headers));
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorResponse.safeParse(json);
    if (error.success) throw new OAuthError(error.data.error, response.status, error.data.error_description);
    throw new ProviderHttpError(response.status, `The token endpoint answered ${response.status}.`);
  }
  return json;
}

export interface ExchangeCodeInput extends ClientCredentials {
  code: string;
  redirectUri: string;
  /** The PKCE verifier kept since the authorize redirect. */
  codeVerifier?: string | null;
  requestedScopes?: readonly string[];
  fetch: typeof fetch;
  now?: Date;
}

/** Authorization code → tokens. */
export async function exchangeCode(settings: OAuthSettings, input: ExchangeCodeInput): Promise<TokenSet> {
  if (settings.pkce && !input.codeVerifier) throw new Error("This provider uses PKCE: pass the code verifier.");
  const form: Record<string, string> = { grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  const json = await readTokenResponse(await postForm(settings, input, form, input.fetch));
  return parseTokenResponse(settings, json, { requestedScopes: input.requestedScopes ?? settings.defaultScopes, now: input.now ?? new Date() });
}

export interface RefreshInput extends ClientCredentials {
  refreshToken: string;
  /** The scopes of the current grant (a refresh response may omit them). */
  currentScopes: readonly string[];
  fetch: typeof fetch;
  now?: Date;
}

/** Refresh token → new tokens; keeps the old refresh token when the provider does not rotate it. */
export async function refreshAccessToken(settings: OAuthSettings, input: RefreshInput): Promise<TokenSet> {
  const form = { grant_type: "refresh_token", refresh_token: input.refreshToken, ...settings.extraRefreshParams };
  const json = await readTokenResponse(await postForm(settings, input, form, input.fetch));
  const tokens = parseTokenResponse(settings, json, { requestedScopes: input.currentScopes, now: input.now ?? new Date() });
  return { ...tokens, refreshToken: tokens.refreshToken ?? input.refreshToken };
}

export interface RevokeInput extends ClientCredentials {
  accessToken: string;
  refreshToken?: string | null;
  fetch: typeof fetch;
}

/**
 * Revokes the grant the provider's way. Returns false when the provider has no revocation
 * endpoint. A 401 on a bearer-authenticated revoke means the access token expired: refresh first.
 */
export async function revokeToken(settings: OAuthSettings, input: RevokeInput): Promise<boolean> {
  const revoke = settings.revoke;
  if (!revoke) return false;
  let response: Response;
  if (revoke.style === "rfc7009") {
    const token = input.refreshToken ?? input.accessToken;
    const form = { token, token_type_hint: input.refreshToken ? "refresh_token" : "access_token" };
    response = await postForm(settings, input, form, input.fetch, revoke.url);
  } else {
    const url = new URL(revoke.url);
    const init: RequestInit =
      revoke.style === "bearer_delete"
        ? { method: "DELETE", headers: { authorization: `Bearer ${input.accessToken}` } }
        : { method: "POST" };
    if (revoke.style === "access_token_query") url.searchParams.set("access_token", input.accessToken);
    try {
      response = await input.fetch(url, init);
    } catch (cause) {
      throw new ProviderHttpError(0, `Could not reach ${url.host}.`, { cause });
    }
  }
  if (response.status === 429) throw new RateLimitedError(retryAfterSeconds(response.headers));
  if (response.status === 401 && revoke.style !== "rfc7009") throw new TokenExpiredError();
  if (!response.ok) throw new ProviderHttpError(response.status, `Revoking the token failed with ${response.status}.`);
  return true;
}
