import { describe, expect, it } from "vitest";
import { generateTotpSecret, matchTotpStep, totpCodeAt, totpProvisioning } from "./totp";

const t0 = new Date("2030-05-01T12:00:10Z");
const steps = (n: number) => new Date(t0.getTime() + n * 30_000);

describe("TOTP codes (RFC 6238)", () => {
  it("matches the RFC 6238 SHA-1 test vector", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits; the last 6 here).
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(secret, new Date(59_000))).toBe("287082");
    expect(matchTotpStep(secret, "287082", new Date(59_000))).toBe(1);
  });

  it("accepts the current step and one step either side, nothing further", () => {
    const secret = generateTotpSecret();
    const now = Math.floor(t0.getTime() / 30_000);
    expect(matchTotpStep(secret, totpCodeAt(secret, t0), t0)).toBe(now);
    expect(matchTotpStep(secret, totpCodeAt(secret, steps(-1)), t0)).toBe(now - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, steps(1)), t0)).toBe(now + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, steps(-2)), t0)).toBeNull();
    expect(matchTotpStep(secret, totpCodeAt(secret, steps(2)), t0)).toBeNull();
  });

  it("reads codes typed with spaces and refuses anything that is not six digits", () => {
    const secret = generateTotpSecret();
    const code = totpCodeAt(secret, t0);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, t0)).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}\u0000`]) expect(matchTotpStep(secret, bad, t0)).toBeNull();
  });

  it("provisions an otpauth URI and a QR image for it", async () => {
    const secret = generateTotpSecret();
    const { otpauthUrl, qrDataUrl } = await totpProvisioning(secret, "someone@example.com");
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/BioSync:someone%40example\.com\?/);
    expect(new URL(otpauthUrl).searchParams.get("secret")).toBe(secret);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
