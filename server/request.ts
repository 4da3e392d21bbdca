import { randomUUID } from "node:crypto";

/**
 * The caller's address. X-Forwarded-For is a list each proxy appends to, so only its last entry
 * (added by the proxy in front of us, or by Next's own server) is not under the client's control.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

export function requestId(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}
