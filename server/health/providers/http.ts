import type { ProviderAdapter, ProviderHttp } from "./types";
import { providerSettings } from "./config";

/** How to reach a provider's API: its documented base URL unless `<P>_API_BASE_URL` points elsewhere. */
export function providerHttp(adapter: ProviderAdapter, fetchImpl: typeof fetch = fetch): ProviderHttp {
  const settings = providerSettings(adapter.id);
  return {
    baseUrl: settings.apiBaseUrl ?? adapter.apiBaseUrl,
    fetch: fetchImpl,
    ...(settings.clientId && settings.clientSecret && adapter.id === "terra" ? { apiKey: { id: settings.clientId, secret: settings.clientSecret } } : {}),
  };
}
