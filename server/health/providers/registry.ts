import type { ProviderId } from "../types";
import type { ProviderAdapter } from "./types";
import { demo } from "./demo/adapter";
import { fitbit } from "./fitbit/adapter";
import { garmin } from "./garmin/adapter";
import { oura } from "./oura/adapter";
import { terra } from "./terra/adapter";
import { whoop } from "./whoop/adapter";

/**
 * Providers with a data API. Apple Health has none (it comes in as a file import). Google Health
 * is not here: its webhooks are signed with ECDSA under a Google public key that is not published,
 * so their verification cannot follow a documented scheme yet.
 */
const PROVIDERS = { terra, oura, whoop, fitbit, garmin, demo } as const satisfies Partial<Record<ProviderId, ProviderAdapter>>;

export type RegisteredProviderId = keyof typeof PROVIDERS;
export const providerIds = Object.keys(PROVIDERS) as RegisteredProviderId[];

export function isRegisteredProvider(id: string): id is RegisteredProviderId {
  return Object.hasOwn(PROVIDERS, id);
}

/** The adapter of a provider id; undefined for anything unknown (including `__proto__` and friends). */
export function getProvider(id: string): ProviderAdapter | undefined {
  return isRegisteredProvider(id) ? PROVIDERS[id] : undefined;
}
