import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type HmacAlgorithm = "sha1" | "sha256";
export type DigestEncoding = "hex" | "base64";

export function hmacDigest(algorithm: HmacAlgorithm, key: string, data: string, encoding: DigestEncoding): string {
  return createHmac(algorithm, key).update(data, "utf8").digest(encoding);
}

export function sha256Hex(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

/**
 * Constant-time comparison of two signatures. Different lengths are rejected up front (the length
 * of a digest is public), so timingSafeEqual only ever sees equal-length buffers.
 */
export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
