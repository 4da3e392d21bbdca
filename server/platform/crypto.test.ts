import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, envelopeKeyId, parseKeyRing } from "./crypto";

const key = () => randomBytes(32).toString("base64");

describe("token encryption", () => {
  it("round-trips and never stores the plain text", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const envelope = encryptSecret("oura-access-token", ring);
    expect(envelope).not.toContain("oura-access-token");
    expect(envelope).not.toBe(encryptSecret("oura-access-token", ring));
    expect(decryptSecret(envelope, ring)).toBe("oura-access-token");
  });

  it("rotates: old envelopes still open after a new key is put first", () => {
    const old = `k1:${key()}`;
    const before = parseKeyRing(old);
    const envelope = encryptSecret("secret", before);
    const after = parseKeyRing(`k2:${key()},${old}`);
    expect(decryptSecret(envelope, after)).toBe("secret");
    expect(envelopeKeyId(encryptSecret("secret", after))).toBe("k2");
  });

  it("rejects tampering and unknown keys", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const parts = encryptSecret("secret", ring).split(".");
    parts[4] = Buffer.from("forged").toString("base64url");
    expect(() => decryptSecret(parts.join("."), ring)).toThrow();
    expect(() => decryptSecret(encryptSecret("s", ring), parseKeyRing(`k9:${key()}`))).toThrow(/k1/);
  });

  it("validates the key ring format", () => {
    expect(() => parseKeyRing("k1:short")).toThrow(/32 bytes/);
    expect(() => parseKeyRing("")).toThrow();
  });
});
