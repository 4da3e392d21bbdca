import { createECDH, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, createDecipheriv, randomBytes, type KeyObject } from "node:crypto";

/*
 * A browser's side of Web Push, for tests: the P-256 key pair and auth secret a browser makes for a
 * subscription (RFC 8291 §2), and the decryption of an aes128gcm message for it (RFC 8188, RFC 8291
 * §3.4), written from the RFCs with node:crypto alone: it checks web-push's encryption, it does not
 * reuse it. No imports but node's, so the Playwright spec can use it too.
 */

export interface BrowserKeys {
  /** Uncompressed P-256 public key, base64url (the subscription's `keys.p256dh`). */
  p256dh: string;
  /** 16 random bytes, base64url (`keys.auth`). */
  auth: string;
  privateKey: KeyObject;
}

const jwkOfPublic = (raw: Buffer) => ({ kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") });

export function newBrowserKeys(): BrowserKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const publicKey = ecdh.getPublicKey();
  const privateKey = createPrivateKey({ key: { ...jwkOfPublic(publicKey), d: ecdh.getPrivateKey().toString("base64url") }, format: "jwk" });
  return { p256dh: publicKey.toString("base64url"), auth: randomBytes(16).toString("base64url"), privateKey };
}

/** A raw uncompressed P-256 point (65 bytes) as a public KeyObject. */
export const publicKeyOfRaw = (raw: Buffer): KeyObject => createPublicKey({ key: jwkOfPublic(raw), format: "jwk" });

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer | string, length: number) => Buffer.from(hkdfSync("sha256", ikm, salt, typeof info === "string" ? Buffer.from(info) : info, length));

/** Decrypts an aes128gcm Web Push body (one record) with the browser's keys; throws when it does not authenticate. */
export function decryptPushBody(body: Buffer, keys: BrowserKeys): string {
  // RFC 8188 §2.1 header: salt (16) | record size (4) | key id length (1) | key id (the sender's public key).
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  if (idLength !== 65) throw new Error(`key id of ${idLength} bytes, expected the sender's 65-byte P-256 key`);
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const ecdhSecret = diffieHellman({ privateKey: keys.privateKey, publicKey: publicKeyOfRaw(senderKey) });
  const receiverKey = Buffer.from(keys.p256dh, "base64url");
  // RFC 8291 §3.3: IKM from the auth secret and the shared secret, keyed to both public keys.
  const ikm = hkdf(Buffer.from(keys.auth, "base64url"), ecdhSecret, Buffer.concat([Buffer.from("WebPush: info\0"), receiverKey, senderKey]), 32);
  const cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0", 16);
  const nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0", 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding (RFC 8188 §2).
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error("no last-record delimiter");
  return plain.subarray(0, end).toString("utf8");
}
