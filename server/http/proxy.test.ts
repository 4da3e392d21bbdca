import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** proxy.ts as loaded by a fresh process with these variables. */
async function proxyWith(variables: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return (await import("@/proxy")).proxy;
}

const get = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers });

describe("proxy: headers", () => {
  it("sends HSTS (≥ 1 year, subdomains) when APP_URL is https", async () => {
    const proxy = await proxyWith({ APP_URL: "https://biosync.example" });
    const hsts = proxy(get("https://biosync.example/dashboard")).headers.get("strict-transport-security");
    expect(hsts).toMatch(/includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(hsts ?? "")?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });

  it("sends HSTS when a trusted proxy says the request came over TLS, not when the client says so", async () => {
    const behindProxy = await proxyWith({ APP_URL: "http://localhost:3000", TRUSTED_PROXY_HOPS: "1" });
    expect(behindProxy(get("http://localhost:3000/", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toMatch(/max-age/);
    vi.resetModules();
    const direct = await proxyWith({ APP_URL: "http://localhost:3000", TRUSTED_PROXY_HOPS: "0" });
    expect(direct(get("http://localhost:3000/", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps the CSP with a fresh nonce and the request id", async () => {
    const proxy = await proxyWith();
    const response = proxy(get("http://localhost:3000/"));
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
  });
});

describe("proxy: cross-site requests", () => {
  it("answers 403 with a JSON error to a foreign-origin post, before any route runs", async () => {
    const proxy = await proxyWith({ APP_URL: "https://biosync.example" });
    const response = proxy(new NextRequest("https://biosync.example/api/trpc/profile.update", { method: "POST", headers: { origin: "https://evil.example" } }));
    expect(response.status).toBe(403);
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age/);
  });

  it("passes a same-origin post on to the route", async () => {
    const proxy = await proxyWith({ APP_URL: "https://biosync.example" });
    const response = proxy(new NextRequest("https://biosync.example/api/trpc/profile.update", { method: "POST", headers: { origin: "https://biosync.example", "sec-fetch-site": "same-origin" } }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
