import { createHash, randomBytes } from "node:crypto";

/** RFC 7636: a high-entropy verifier of 43–128 characters from the unreserved set (base64url of 32 random bytes = 43). */
export function createCodeVerifier(byteLength = 32): string {
  return randomBytes(byteLength).toString("base64url");
}

/** The S256 challenge: BASE64URL(SHA256(ASCII(verifier))). */
export function codeChallengeS256(verifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw new Error("A PKCE code verifier is 43–128 unreserved characters.");
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** An unguessable `state` binding the callback to the browser that started the flow. */
export function createState(): string {
  return randomBytes(32).toString("base64url");
}
