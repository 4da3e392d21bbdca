import { describe, expect, it } from "vitest";
import { codeChallengeS256, createCodeVerifier, createState } from "./pkce";

describe("PKCE", () => {
  it("matches RFC 7636 appendix B", () => {
    expect(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("creates verifiers and states that are valid and unique", () => {
    const verifier = createCodeVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => codeChallengeS256(verifier)).not.toThrow();
    expect(createCodeVerifier()).not.toBe(verifier);
    expect(createState()).not.toBe(createState());
  });

  it("refuses verifiers outside RFC 7636's alphabet or length", () => {
    expect(() => codeChallengeS256("short")).toThrow();
    expect(() => codeChallengeS256(`${"a".repeat(42)}!`)).toThrow();
  });
});
