import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";
import { readOrCreateLocalSecret } from "../local-secret";

/**
 * Secrets at rest (provider tokens) as AES-256-GCM envelopes `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts). The key id inside each envelope lets keys rotate: new writes use the first
 * key of the ring, reads find theirs by id.
 */
export interface KeyRing {
  active: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

/** Parses `TOKEN_ENCRYPTION_KEYS` = "id1:base64key,id0:base64key" (first one encrypts). */
export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, b64] = part.split(":");
      const key = Buffer.from(b64 ?? "", "base64");
      if (!id || !/^[\w-]{1,32}$/.test(id) || key.length !== 32) {
        throw new Error("TOKEN_ENCRYPTION_KEYS: each entry must be <id>:<base64 of 32 bytes>");
      }
      return { id, key };
    });
  const first = entries[0];
  if (!first) throw new Error("TOKEN_ENCRYPTION_KEYS is empty");
  return { active: first, byId: new Map(entries.map((e) => [e.id, e.key])) };
}

let ring: KeyRing | undefined;

/** The process key ring: from the environment, or (embedded default) a key generated once under .data/. */
export function keyRing(): KeyRing {
  if (ring) return ring;
  const spec = env().TOKEN_ENCRYPTION_KEYS;
  if (spec) return (ring = parseKeyRing(spec));
  return (ring = parseKeyRing(readOrCreateLocalSecret("token-encryption-key", () => `local:${randomBytes(32).toString("base64")}`)));
}

export function encryptSecret(plain: string, keys: KeyRing = keyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.active.key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", keys.active.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(envelope: string, keys: KeyRing = keyRing()): string {
  const [version, keyId, iv, tag, body] = envelope.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || body === undefined) throw new Error("Not an encrypted secret envelope");
  const key = keys.byId.get(keyId);
  if (!key) throw new Error(`No key with id "${keyId}" in TOKEN_ENCRYPTION_KEYS`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The key id an envelope was written with (to find rows still under a retired key). */
export function envelopeKeyId(envelope: string): string | null {
  return envelope.split(".")[1] ?? null;
}
