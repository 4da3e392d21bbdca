import { describe, expect, it } from "vitest";
import { PROVIDER_IDS } from "../types";
import { getProvider, providerIds } from "./registry";

describe("provider registry", () => {
  it("returns each adapter under its own id", () => {
    expect(providerIds).toEqual(["terra", "oura", "whoop", "fitbit", "garmin", "demo"]);
    for (const id of providerIds) {
      expect(getProvider(id)?.id).toBe(id);
      expect(PROVIDER_IDS).toContain(id);
    }
  });

  it("returns undefined for unknown ids, including inherited property names", () => {
    for (const id of ["nope", "__proto__", "constructor", "toString", "apple_health", ""]) expect(getProvider(id)).toBeUndefined();
  });

  it("gives every OAuth provider consistent settings", () => {
    for (const id of providerIds) {
      const oauth = getProvider(id)?.oauth;
      if (!oauth) continue;
      expect(new URL(oauth.authorizeUrl).protocol).toBe("https:");
      expect(new URL(oauth.tokenUrl).protocol).toBe("https:");
      for (const scope of oauth.requiredScopes) expect(oauth.defaultScopes).toContain(scope);
    }
  });
});
