import { verify } from "node:crypto";
import { publicKeyOfRaw } from "./browser-keys";

/*
 * The push service's check of a VAPID Authorization header (RFC 8292 §2-3), for tests:
 * `vapid t=<JWT>, k=<public key>`, an ES256 JWT signed by k with aud = the push service's origin,
 * exp in the future and at most 24 h away, and a sub that is a mailto: or https: contact.
 */

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The application server's public key (k), base64url. */
  publicKey: string;
}

export type VapidCheck = { ok: true; claims: VapidClaims } | { ok: false; problem: string };

const DAY_SECONDS = 24 * 3600;

export function checkVapidHeader(header: string | undefined, origin: string, nowSeconds = Math.floor(Date.now() / 1000)): VapidCheck {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? "");
  if (!match) return { ok: false, problem: "Authorization is not `vapid t=…, k=…`" };
  const [, token, publicKey] = match as unknown as [string, string, string];
  const [encodedHeader, encodedClaims, encodedSignature] = token.split(".") as [string, string, string];
  let jwtHeader: { typ?: string; alg?: string };
  let claims: { aud?: unknown; exp?: unknown; sub?: unknown };
  try {
    jwtHeader = JSON.parse(Buffer.from(encodedHeader, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(encodedClaims, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "the JWT is not JSON" };
  }
  if (jwtHeader.alg !== "ES256") return { ok: false, problem: `alg ${jwtHeader.alg}, expected ES256` };
  const raw = Buffer.from(publicKey, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) return { ok: false, problem: "k is not an uncompressed P-256 key" };
  const signed = verify("sha256", Buffer.from(`${encodedHeader}.${encodedClaims}`), { key: publicKeyOfRaw(raw), dsaEncoding: "ieee-p1363" }, Buffer.from(encodedSignature, "base64url"));
  if (!signed) return { ok: false, problem: "the JWT signature does not verify with k" };
  if (claims.aud !== origin) return { ok: false, problem: `aud ${String(claims.aud)}, expected ${origin}` };
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds) return { ok: false, problem: "the JWT has expired" };
  if (claims.exp > nowSeconds + DAY_SECONDS) return { ok: false, problem: "exp is more than 24 hours away" };
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) return { ok: false, problem: "sub is not a mailto: or https: contact" };
  return { ok: true, claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey } };
}
