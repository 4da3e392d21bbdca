import { describe, expect, it } from "vitest";
import { crossSiteReason, isMachineRoute, refuseCrossSite } from "./same-origin";

const APP = "http://localhost:3000";
const post = (path: string, headers: Record<string, string> = {}, method = "POST") => new Request(`${APP}${path}`, { method, headers });

describe("refuseCrossSite", () => {
  it("refuses a foreign Origin, Origin: null and cross-site or same-site fetches with 403 and a clear JSON error", async () => {
    const attacks: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "http://localhost:3000.evil.example" }];
    for (const headers of attacks) {
      const response = refuseCrossSite(post("/api/imports", headers));
      expect(response?.status, JSON.stringify(headers)).toBe(403);
      expect(((await response!.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "FORBIDDEN", message: expect.stringMatching(/Cross-site requests are refused/) });
    }
  });

  it("lets same-origin posts through: APP_URL's origin, the Host addressed, or no browser headers at all", () => {
    expect(crossSiteReason(post("/api/imports", { origin: APP, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteReason(post("/api/imports", { origin: "http://192.168.1.5:3000", host: "192.168.1.5:3000" }))).toBeNull();
    expect(crossSiteReason(post("/api/imports", { "sec-fetch-site": "none" }))).toBeNull();
    expect(crossSiteReason(post("/api/imports"))).toBeNull();
  });

  it("ignores reads and the machine-to-machine routes", () => {
    expect(crossSiteReason(post("/api/imports", { origin: "https://evil.example" }, "GET"))).toBeNull();
    expect(crossSiteReason(post("/api/webhooks/oura", { origin: "https://evil.example" }))).toBeNull();
    expect(crossSiteReason(post("/api/inngest", { "sec-fetch-site": "cross-site" }, "PUT"))).toBeNull();
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(crossSiteReason(post("/api/trpc/x", { origin: "https://evil.example" }, method))).not.toBeNull();
  });

  it("exempts only the listed paths, not their neighbours", () => {
    expect(isMachineRoute("/api/webhooks/terra")).toBe(true);
    expect(isMachineRoute("/api/webhooks/terra/extra")).toBe(false);
    expect(isMachineRoute("/api/inngestx")).toBe(false);
    expect(isMachineRoute("/api/imports")).toBe(false);
  });
});
