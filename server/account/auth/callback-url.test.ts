import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackUrl("/settings/security")).toBe("/settings/security");
    expect(safeCallbackUrl("/trends?metric=hrv#week")).toBe("/trends?metric=hrv#week");
  });

  it.each([
    ["https://evil.example/phish"],
    ["//evil.example/phish"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["dashboard"],
    [""],
    ["/sign-in?callbackUrl=/sign-in"],
    ["/register"],
    ["/api/auth/signout"],
    ["/\u0000x"],
  ])("falls back to the dashboard for %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/dashboard");
  });

  it("ignores non-strings", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl(42)).toBe("/dashboard");
  });
});
