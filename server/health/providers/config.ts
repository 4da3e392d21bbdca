import { randomBytes } from "node:crypto";
import { providerEnv } from "../../env";
import { readOrCreateLocalSecret } from "../../local-secret";
import type { ProviderId } from "../types";

/**
 * Per-provider settings from the environment. A provider is offered for OAuth connect only when
 * its client id and secret are set; its webhooks are accepted only when its verification secret is.
 * `*_API_BASE_URL` / `*_AUTH_BASE_URL` point a provider at another host (tests use local fakes).
 */
export interface ProviderSettings {
  clientId: string | null;
  clientSecret: string | null;
  /** A dedicated webhook signing secret (Terra, demo); others sign with their client secret. */
  webhookSecret: string | null;
  /** Oura's subscription `verification_token`, Fitbit's subscriber verify code. */
  verificationToken: string | null;
  apiBaseUrl: string | null;
  authBaseUrl: string | null;
}

const ENV_PREFIX: Record<ProviderId, string> = {
  terra: "TERRA",
  oura: "OURA",
  whoop: "WHOOP",
  fitbit: "FITBIT",
  google_health: "GOOGLE_HEALTH",
  garmin: "GARMIN",
  apple_health: "APPLE_HEALTH",
  demo: "DEMO",
};

export function providerSettings(id: ProviderId): ProviderSettings {
  const vars = providerEnv(ENV_PREFIX[id]);
  return {
    clientId: vars.CLIENT_ID,
    clientSecret: vars.CLIENT_SECRET,
    webhookSecret: id === "demo" ? demoWebhookSecret() : vars.WEBHOOK_SECRET,
    verificationToken: vars.VERIFICATION_TOKEN,
    apiBaseUrl: vars.API_BASE_URL,
    authBaseUrl: vars.AUTH_BASE_URL,
  };
}

export function isOAuthConfigured(id: ProviderId): boolean {
  const s = providerSettings(id);
  return Boolean(s.clientId && s.clientSecret);
}

let demoSecret: string | undefined;

/** The demo provider signs with DEMO_WEBHOOK_SECRET, or a secret generated once under .data/. */
export function demoWebhookSecret(): string {
  if (demoSecret) return demoSecret;
  const fromEnv = providerEnv(ENV_PREFIX.demo).WEBHOOK_SECRET;
  if (fromEnv) return (demoSecret = fromEnv);
  return (demoSecret = readOrCreateLocalSecret("demo-webhook-secret", () => randomBytes(32).toString("hex")));
}
