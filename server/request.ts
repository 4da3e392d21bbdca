import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { env } from "./env";

/**
 * The socket address of whoever connected to the app. `scripts/serve.mjs` (what `npm start` and
 * the e2e server run) drops any copy a client sends and sets it; `next start` alone cannot, since it
 * fills X-Forwarded-For only when the client sent none.
 */
export const PEER_ADDRESS_HEADER = "x-biosync-peer";

/**
 * The caller's address. The chain is the socket address, then X-Forwarded-For from the nearest entry
 * back; the first `hops` of it are trusted proxies (TRUSTED_PROXY_HOPS), so the next one is the
 * client, as Express's `trust proxy = N`. By default (0) forwarding headers are ignored. Without our
 * server (no peer header), the platform's proxy that wrote X-Forwarded-For is the first hop.
 */
export function clientIp(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const chain = {
    socket: { remoteAddress: headers.get(PEER_ADDRESS_HEADER)?.trim() ?? "" },
    headers: { "x-forwarded-for": headers.get("x-forwarded-for") ?? undefined },
  } as unknown as IncomingMessage;
  const address = proxyaddr(chain, (_address, index) => index < hops).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address : "unknown";
}

/** Whether the browser reached us over HTTPS, as the nearest trusted proxy says (our own server speaks HTTP). */
export function servedOverTls(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): boolean {
  if (hops === 0) return false;
  return headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase() === "https";
}

export function requestId(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}
