import type { OAuthSettings } from "../../providers/types";
import { codeChallengeS256, createCodeVerifier, createState } from "./pkce";

export interface AuthorizeUrlInput {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Defaults to the provider's default scopes. */
  scopes?: readonly string[];
  /** S256 challenge; required when the provider uses PKCE. */
  codeChallenge?: string;
}

/** The provider's consent URL for the authorization code flow. */
export function buildAuthorizeUrl(settings: OAuthSettings, input: AuthorizeUrlInput): URL {
  if (settings.pkce && !input.codeChallenge) throw new Error("This provider uses PKCE: pass a code challenge.");
  const url = new URL(settings.authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  const scopes = input.scopes ?? settings.defaultScopes;
  if (scopes.length > 0) url.searchParams.set("scope", scopes.join(settings.scopeSeparator));
  url.searchParams.set("state", input.state);
  if (settings.pkce && input.codeChallenge) {
    url.searchParams.set("code_challenge", input.codeChallenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  for (const [key, value] of Object.entries(settings.extraAuthorizeParams ?? {})) url.searchParams.set(key, value);
  return url;
}

export interface StartedAuthorization {
  url: URL;
  state: string;
  /** Keep server-side with the state until the callback; null when the provider has no PKCE. */
  codeVerifier: string | null;
}

/** Creates a fresh state (and PKCE verifier where supported) and the URL to send the user to. */
export function startAuthorization(settings: OAuthSettings, input: Omit<AuthorizeUrlInput, "state" | "codeChallenge">): StartedAuthorization {
  const state = createState();
  const codeVerifier = settings.pkce ? createCodeVerifier() : null;
  const url = buildAuthorizeUrl(settings, { ...input, state, codeChallenge: codeVerifier ? codeChallengeS256(codeVerifier) : undefined });
  return { url, state, codeVerifier };
}
