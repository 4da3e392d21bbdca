import { env } from "../env";
import { servedOverTls } from "../request";

/** Two years, subdomains included (no `preload`: that is a commitment to the browsers' list). */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * The Strict-Transport-Security header for a response, when the app is served over HTTPS: its
 * public URL is https, or a trusted proxy says the browser came over TLS. Over plain HTTP the
 * header means nothing to a browser, and on localhost it would pin every other local app to HTTPS.
 */
export function strictTransportSecurity(headers: Headers): string | null {
  return env().APP_URL.startsWith("https:") || servedOverTls(headers) ? HSTS_VALUE : null;
}
