import { describe, expect, it } from "vitest";
import { OPEN_REDIRECT_PAYLOADS } from "@/server/security/open-redirect-payloads";
import { safeCallbackUrl } from "./callback-url";

const APP = "http://localhost:3000";

/** How a browser reads a Location header holding `path`, from a page deep in the app. */
const readByBrowser = (path: string) => new URL(path, `${APP}/devices/oura/connect`);

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackUrl("/settings/security", undefined, APP)).toBe("/settings/security");
    expect(safeCallbackUrl("/trends?metric=hrv#week", undefined, APP)).toBe("/trends?metric=hrv#week");
  });

  it("reduces an absolute URL on the app's own origin to its path", () => {
    expect(safeCallbackUrl(`${APP}/devices?x=1`, undefined, APP)).toBe("/devices?x=1");
  });

  it("refuses a dot segment that collapses into a protocol-relative path", () => {
    expect(safeCallbackUrl("/.//evil.example/phish", undefined, APP)).toBe("/dashboard");
    expect(safeCallbackUrl("/..//evil.example", undefined, APP)).toBe("/dashboard");
  });

  it.each([
    ["https://evil.example/phish"],
    ["//evil.example/phish"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    [""],
    ["/sign-in?callbackUrl=/sign-in"],
    ["/register"],
    ["/api/auth/signout"],
    ["/\u0000x"],
    ["http://localhost:3001/dashboard"],
    ["https://localhost:3000/dashboard"],
  ])("falls back to the dashboard for %j", (value) => {
    expect(safeCallbackUrl(value, undefined, APP)).toBe("/dashboard");
  });

  it("ignores non-strings and uses the fallback given", () => {
    expect(safeCallbackUrl(undefined, undefined, APP)).toBe("/dashboard");
    expect(safeCallbackUrl(42, undefined, APP)).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.example", "/devices", APP)).toBe("/devices");
  });

  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [payload]))("%j stays on the app's origin, however it is read again", (payload) => {
    const result = safeCallbackUrl(payload, undefined, APP);
    expect(result).toMatch(/^\/(?![/\\])/);
    expect(result).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    expect(readByBrowser(result).origin).toBe(APP);
    expect(safeCallbackUrl(result, undefined, APP)).toBe(result);
  });
});
