import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { ARGON2_OPTIONS, checkPasswordPolicy, hashPassword, verifyDummyPassword, verifyPassword } from "./password";

describe("checkPasswordPolicy", () => {
  it("accepts a long, uncommon password", () => {
    expect(checkPasswordPolicy("correct horse battery staple")).toBeNull();
    expect(checkPasswordPolicy("BioSync-demo-1")).toBeNull();
  });

  it("enforces 8 to 128 characters, counting characters rather than UTF-16 units", () => {
    expect(checkPasswordPolicy("Ab1-xyz")).toBe("Use at least 8 characters.");
    expect(checkPasswordPolicy("a7$kQ2!m")).toBeNull();
    expect(checkPasswordPolicy("x".repeat(128))).toBeNull();
    expect(checkPasswordPolicy("x".repeat(129))).toBe("Use at most 128 characters.");
    expect(checkPasswordPolicy("🔒🔒🔒🔒🔒🔒🔒")).toBe("Use at least 8 characters.");
  });

  it("rejects the most common passwords, whatever their case", () => {
    for (const common of ["password", "PASSWORD1", "Qwerty123", "iloveyou", "Sunshine", "12345678"]) {
      expect(checkPasswordPolicy(common), common).toMatch(/most common/);
    }
  });

  it("rejects the account's own email address", () => {
    expect(checkPasswordPolicy("Dana@Example.com", { email: "dana@example.com" })).toMatch(/email address/);
  });

  it("ships a list of about a thousand entries of at least 8 lower-case characters", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1000);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry.length).toBeGreaterThanOrEqual(8);
      expect(entry).toBe(entry.toLowerCase());
    }
  });
});

describe("hashPassword / verifyPassword", () => {
  it("uses argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane)", async () => {
    const stored = await hashPassword("a long passphrase");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(stored).toContain("m=19456,t=2,p=1");
    const options = parseOptions(stored);
    expect(options).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(ARGON2_OPTIONS.memoryCost).toBe(19 * 1024);
  });

  it("verifies the right password only, and salts every hash", async () => {
    const a = await hashPassword("a long passphrase");
    const b = await hashPassword("a long passphrase");
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "a long passphrase")).toBe(true);
    expect(await verifyPassword(a, "a long passphrasE")).toBe(false);
  });

  it("treats an unreadable hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("spends verification time when there is no account", async () => {
    const started = performance.now();
    expect(await verifyDummyPassword("anything at all")).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(1);
  });
});
