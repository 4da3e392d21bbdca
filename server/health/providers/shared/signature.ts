import type { VerifyResult } from "../types";
import { hmacDigest, signaturesEqual, type DigestEncoding, type HmacAlgorithm } from "./hmac";
import { isFresh, parseTimestampHeader } from "./time";

export interface TimestampedHmac {
  signature: string | null;
  timestamp: string | null;
  /** The signed text built from the timestamp and the raw body. */
  signedText: (timestamp: string) => string;
  algorithm: HmacAlgorithm;
  encoding: DigestEncoding;
  secret: string;
  now: Date;
  /** Oura sends upper-case hex: compare hex case-insensitively. */
  caseInsensitive?: boolean;
}

/** The common scheme: HMAC over timestamp + body, rejected outside the 5-minute replay window. */
export function verifyTimestampedHmac(input: TimestampedHmac): VerifyResult {
  if (!input.signature || !input.timestamp) return { ok: false, reason: "missing_signature" };
  const signedAt = parseTimestampHeader(input.timestamp);
  if (!signedAt) return { ok: false, reason: "bad_signature" };
  const expected = hmacDigest(input.algorithm, input.secret, input.signedText(input.timestamp), input.encoding);
  const received = input.caseInsensitive ? input.signature.trim().toLowerCase() : input.signature.trim();
  if (!signaturesEqual(input.caseInsensitive ? expected.toLowerCase() : expected, received)) return { ok: false, reason: "bad_signature" };
  // Freshness is checked after the signature so an attacker learns nothing from a forged timestamp.
  if (!isFresh(signedAt, input.now)) return { ok: false, reason: "stale" };
  return { ok: true };
}

/** Terra-style header `t=<unix seconds>,v1=<hex>` (several v1 entries allowed during secret rotation). */
export function parseTerraStyleHeader(value: string | null): { timestamp: string | null; signatures: string[] } {
  if (!value) return { timestamp: null, signatures: [] };
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === "t") timestamp = val;
    else if (key === "v1" && val) signatures.push(val);
  }
  return { timestamp, signatures };
}

/** Verifies `t=…,v1=…` with HMAC-SHA256 hex over `${t}.${body}` (Terra and the demo provider). */
export function verifyTerraStyle(header: string | null, rawBody: string, secret: string, now: Date): VerifyResult {
  const { timestamp, signatures } = parseTerraStyleHeader(header);
  if (!timestamp || signatures.length === 0) return { ok: false, reason: "missing_signature" };
  let result: VerifyResult = { ok: false, reason: "bad_signature" };
  for (const signature of signatures) {
    result = verifyTimestampedHmac({
      signature,
      timestamp,
      signedText: (t) => `${t}.${rawBody}`,
      algorithm: "sha256",
      encoding: "hex",
      secret,
      now,
    });
    if (result.ok || result.reason === "stale") return result;
  }
  return result;
}

/** Builds a Terra-style header for a body (used by the demo sender and by tests). */
export function signTerraStyle(rawBody: string, secret: string, at: Date): string {
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${hmacDigest("sha256", secret, `${t}.${rawBody}`, "hex")}`;
}
