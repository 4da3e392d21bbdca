import { isIP } from "node:net";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether loopback http endpoints are accepted: in tests, or when PUSH_ALLOW_LOOPBACK_ENDPOINTS is set (a local fake push service). */
export function loopbackEndpointsAllowed(): boolean {
  const e = env();
  return e.NODE_ENV === "test" || e.PUSH_ALLOW_LOOPBACK_ENDPOINTS;
}

/**
 * The one rule for a push endpoint the server will POST to: an https URL on a host name (push
 * services are; an IP literal would let a caller aim the server at its own network), with no
 * credentials in it. A loopback http endpoint passes only when loopbackEndpointsAllowed().
 * Returns the normalized URL; a refusal is a 400 naming `endpoint`.
 */
export function checkPushEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw AppError.field("endpoint", "The push endpoint must be a URL.");
  }
  if (url.username || url.password) throw AppError.field("endpoint", "The push endpoint must not carry credentials.");
  if (LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:") && loopbackEndpointsAllowed()) return url.toString();
  if (url.protocol !== "https:") throw AppError.field("endpoint", "The push endpoint must be an https: URL.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 || LOOPBACK_HOSTS.has(url.hostname) || !host.includes(".")) {
    throw AppError.field("endpoint", "The push endpoint must be on a push service's host name.");
  }
  return url.toString();
}
