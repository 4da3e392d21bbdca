import { AppError } from "@/server/errors";
import { env } from "@/server/env";
import type { ClientCredentials } from "./token-exchange";
import { providerSettings } from "../../providers/config";
import { getProvider } from "../../providers/registry";
import type { OAuthSettings, ProviderAdapter, ProviderHttp } from "../../providers/types";
import type { ProviderId } from "../../types";

/** Everything the connect, refresh and revoke code needs to talk OAuth with one provider. */
export interface OAuthClient {
  adapter: ProviderAdapter;
  /** The adapter's endpoints, moved onto `<PROVIDER>_AUTH_BASE_URL` when that is set. */
  settings: OAuthSettings;
  credentials: ClientCredentials;
  redirectUri: string;
  /** Transport for the provider's REST API (identity look-ups). */
  api(fetchImpl: typeof fetch): ProviderHttp;
}

/** `https://host/a/b?x` on `http://127.0.0.1:4000/prefix` → `http://127.0.0.1:4000/prefix/a/b?x`. */
export function rebaseUrl(url: string, base: string): string {
  const original = new URL(url);
  const target = new URL(base);
  return new URL(`${target.pathname.replace(/\/$/, "")}${original.pathname}${original.search}`, target.origin).toString();
}

export function withAuthBase(settings: OAuthSettings, authBaseUrl: string | null): OAuthSettings {
  if (!authBaseUrl) return settings;
  return {
    ...settings,
    authorizeUrl: rebaseUrl(settings.authorizeUrl, authBaseUrl),
    tokenUrl: rebaseUrl(settings.tokenUrl, authBaseUrl),
    revoke: settings.revoke ? { ...settings.revoke, url: rebaseUrl(settings.revoke.url, authBaseUrl) } : null,
  };
}

/** Where the provider sends the user back to: registered with the provider, so it must be exact. */
export function callbackUrl(provider: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/api/devices/${provider}/callback`;
}

/**
 * The OAuth client of a provider. Unknown provider → NOT_FOUND; a provider without OAuth →
 * BAD_REQUEST; missing client id/secret on this server → CONFLICT naming the variables to set.
 */
export function oauthClient(provider: string): OAuthClient {
  const adapter = getProvider(provider);
  if (!adapter) throw AppError.notFound("Provider");
  if (!adapter.oauth) throw AppError.badRequest(`${adapter.displayName} does not connect through OAuth.`);
  const id: ProviderId = adapter.id;
  const settings = providerSettings(id);
  if (!settings.clientId || !settings.clientSecret) {
    const prefix = id.toUpperCase();
    throw AppError.conflict(
      `${adapter.displayName} is not configured on this server. Set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET from its developer portal and restart.`,
    );
  }
  const apiBaseUrl = settings.apiBaseUrl ?? adapter.apiBaseUrl;
  return {
    adapter,
    settings: withAuthBase(adapter.oauth, settings.authBaseUrl),
    credentials: { clientId: settings.clientId, clientSecret: settings.clientSecret },
    redirectUri: callbackUrl(id),
    api: (fetchImpl) => ({ baseUrl: apiBaseUrl, fetch: fetchImpl }),
  };
}

/** A fetch that gives up after `ms`, so a slow provider cannot hold a request open. */
export function fetchWithTimeout(fetchImpl: typeof fetch, ms: number): typeof fetch {
  return (input, init) => fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}
