import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { config as proxyConfig, proxy } from "@/proxy";
import { buildAuthConfig } from "@/server/account/auth/config";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { listProcedures, listRouteHandlers, STATE_CHANGING_METHODS, type HttpMethod, type RouteEntry } from "@/server/attack-surface";
import { startFakeOAuthServer, type FakeOAuthServer } from "@/server/health/devices/testing/oauth-fake-server";
import { MACHINE_ROUTES } from "@/server/http/same-origin";
import { clearCounters } from "@/server/platform/rate-limits/enforce";
import { requestLimits } from "@/server/platform/rate-limits/rules";
import { clientIp } from "@/server/request";
import type { SessionUser } from "@/server/trpc";
import { OPEN_REDIRECT_PAYLOADS } from "./open-redirect-payloads";

/*
 * The permanent redirect and origin matrix. It walks every route handler and procedure that exists
 * the day it runs (server/attack-surface.ts), so a new route or mutation is covered unlisted:
 * - every open-redirect payload against safeCallbackUrl, Auth.js's redirect callback, every
 *   route handler (in every parameter a redirect could read), the OAuth round trip and the
 *   signed-in auth pages: the browser must end up on the app's origin;
 * - every state-changing route and tRPC mutation posted cross-site: 403 (from proxy.ts where its
 *   matcher reaches, else from the route itself), multipart or text/plain to tRPC: 415, nothing changed.
 */

const state = vi.hoisted(() => ({ db: null as Database | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/components/shell/session", async (original) => ({
  ...(await original<typeof import("@/components/shell/session")>()),
  currentUser: async () => state.user,
}));
// Password sign-in needs a Next request scope; here it succeeds for a signed-in caller and fails otherwise.
vi.mock("@/server/account/auth", async (original) => ({
  ...(await original<typeof import("@/server/account/auth")>()),
  signIn: async () => {
    if (!state.user) throw new CredentialsSignin();
  },
}));

process.env.TOKEN_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;

const APP = "http://localhost:3000";
const EVIL = "https://evil.example";
/** Query and form fields a redirect might read its target from. */
const REDIRECT_FIELDS = ["callbackUrl", "redirectTo", "redirect", "returnTo", "next", "url"];
/** A sample value per dynamic segment; a new segment name fails the matrix until it has one. */
const SEGMENT_SAMPLES: Record<string, string[]> = {
  provider: ["oura", "demo"],
  trpc: ["auth.me"],
  token: ["not-a-token", "eyJrIjoiLi4vLi4vZXRjIn0.c2ln", "00000000-0000-4000-8000-000000000000.daily-summary.AAAA"],
  nextauth: ["signin", "signout", "callback/credentials", "signin/google", "session", "csrf"],
  path: ["me", "journal/entries"],
};

let handle: DbHandle;
let oura: FakeOAuthServer;
let signedIn: SessionUser;
const tally = { redirectCalls: 0, redirectFailures: [] as string[], redirectTargets: new Set<string>(), originCalls: 0, originTargets: new Set<string>() };

beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  oura = await startFakeOAuthServer({ clientId: "oura-client", clientSecret: "oura-secret", clientAuth: "body" });
  Object.assign(process.env, { OURA_CLIENT_ID: "oura-client", OURA_CLIENT_SECRET: "oura-secret", OURA_AUTH_BASE_URL: oura.url, OURA_API_BASE_URL: oura.url });
  const [user] = await handle.db.insert(users).values({ email: `matrix-${randomBytes(4).toString("hex")}@example.com` }).returning();
  signedIn = { id: user!.id, email: user!.email, name: null, role: "user", sessionId: crypto.randomUUID() };
});
afterAll(async () => {
  // Next.js patches console.* once loaded (it asks for a request store); write the figures directly.
  process.stdout.write(`redirect matrix: ${OPEN_REDIRECT_PAYLOADS.length} payloads, ${tally.redirectTargets.size} redirect targets, ${tally.redirectCalls} calls, ${tally.redirectFailures.length} failures; origin matrix: ${tally.originTargets.size} state-changing targets, ${tally.originCalls} calls\n`);
  await Promise.all([oura.close(), handle.close()]);
});

/** Concrete URLs (with their params) for a route pattern such as `/api/devices/[provider]/connect`. */
function samplesFor(route: RouteEntry): { path: string; params: Record<string, string | string[]> }[] {
  let samples = [{ path: "", params: {} as Record<string, string | string[]> }];
  for (const segment of route.pattern.split("/").filter(Boolean)) {
    const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
    if (!dynamic) {
      samples = samples.map((s) => ({ ...s, path: `${s.path}/${segment}` }));
      continue;
    }
    const [, catchAll, name] = dynamic;
    const values = SEGMENT_SAMPLES[name!];
    if (!values) throw new Error(`${route.file}: add sample values for the segment [${name}] to SEGMENT_SAMPLES`);
    samples = samples.flatMap((s) => values.map((value) => ({ path: `${s.path}/${value}`, params: { ...s.params, [name!]: catchAll ? value.split("/") : value } })));
  }
  return samples;
}

const isMachine = (route: RouteEntry) => (MACHINE_ROUTES as readonly string[]).includes(route.pattern);
const proxyMatches = (path: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: path });

/** The problem with where `response` sends the browser, or null when it stays on the app (or goes to a configured provider). */
function offSite(location: string | null, allowed: string[]): string | null {
  if (location === null) return null;
  if (/^\s*\/[/\\]|[\u0000-\u001f]/.test(location)) return `protocol-relative or control characters: ${location}`;
  const target = new URL(location, `${APP}/some/page`);
  if (target.origin !== APP && !allowed.includes(target.origin)) return `leaves the app: ${location}`;
  if (target.origin !== APP) return null;
  for (const field of REDIRECT_FIELDS) {
    const nested = target.searchParams.get(field);
    if (nested !== null && (/^\s*\/[/\\]/.test(nested) || new URL(nested, `${APP}/some/page`).origin !== APP)) return `carries ${field}=${nested}`;
  }
  return null;
}

function record(target: string, label: string, problem: string | null) {
  tally.redirectTargets.add(target);
  tally.redirectCalls++;
  if (problem) tally.redirectFailures.push(`${label}: ${problem}`);
}

/** Table name → digest of all its rows, for "nothing changed". */
async function digestTables(db: Database): Promise<Record<string, string>> {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  if (tables.length < 10) throw new Error(`only ${tables.length} tables found to digest`);
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ d: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${sql.identifier(name)} t`);
    digest[name] = row?.d ?? "";
  }
  return digest;
}

// The matrices make thousands of calls; on a loaded 2-core machine they take far longer than one test.
const MATRIX_TIMEOUT_MS = 180_000;

describe("redirect matrix", () => {
  it(`keeps each of ${OPEN_REDIRECT_PAYLOADS.length} payloads on the app's origin in safeCallbackUrl and Auth.js's redirect callback`, async () => {
    const redirect = buildAuthConfig().callbacks!.redirect!;
    for (const payload of OPEN_REDIRECT_PAYLOADS) {
      record("safeCallbackUrl", `safeCallbackUrl ${JSON.stringify(payload)}`, offSite(safeCallbackUrl(payload, undefined, APP), []));
      record("Auth.js redirect callback", `authjs redirect ${JSON.stringify(payload)}`, offSite(await redirect({ url: payload, baseUrl: APP }), []));
    }
    expect(tally.redirectFailures).toEqual([]);
  });

  it("keeps every payload on the app's origin in every route handler, signed in and out, in every redirect field", async () => {
    const routes = (await listRouteHandlers()).filter((route) => !isMachine(route));
    const failures: string[] = [];
    for (const route of routes) {
      const mod = await route.load();
      for (const method of route.methods.filter((m): m is "GET" | "POST" => m === "GET" || m === "POST")) {
        for (const { path, params } of samplesFor(route)) {
          for (const user of [null, signedIn]) {
            state.user = user;
            for (const payload of OPEN_REDIRECT_PAYLOADS) {
              const fields = new URLSearchParams(REDIRECT_FIELDS.map((field) => [field, payload]));
              const form = new URLSearchParams([...fields, ["email", signedIn.email], ["password", "Maple-river-stone-42"]]);
              const init: RequestInit = method === "POST" ? { method, body: form, headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" } } : { method };
              const response = await mod[method]!(new NextRequest(`${APP}${path}?${fields}`, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(params) });
              const problem = offSite(response.headers.get("location"), [oura.url]);
              record(`${method} ${path}`, `${method} ${path} as ${user ? "user" : "anonymous"} ${JSON.stringify(payload)}`, problem);
              if (problem) failures.push(`${method} ${path} (${user ? "signed in" : "signed out"}) ${JSON.stringify(payload)}: ${problem}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, MATRIX_TIMEOUT_MS);

  it("lands the OAuth round trip (connect?redirectTo= → provider → callback) on the app's origin for every payload", async () => {
    const { GET: connect } = await import("@/app/api/devices/[provider]/connect/route");
    const { GET: callback } = await import("@/app/api/devices/[provider]/callback/route");
    const params = { params: Promise.resolve({ provider: "oura" }) };
    const failures: string[] = [];
    state.user = signedIn;
    for (const payload of OPEN_REDIRECT_PAYLOADS) {
      // Each payload is a fresh start; the per-user connect limit is not what this walks.
      await clearCounters(handle.db, requestLimits.oauthConnect(signedIn.id, clientIp(new Headers())));
      const started = await connect(new Request(`${APP}/api/devices/oura/connect?redirectTo=${encodeURIComponent(payload)}`), params);
      const authorize = started.headers.get("location")!;
      expect(new URL(authorize).origin).toBe(oura.url);
      const code = oura.approve(authorize);
      const back = await callback(new Request(`${APP}/api/devices/oura/callback?code=${code}&state=${new URL(authorize).searchParams.get("state")}`), params);
      const problem = offSite(back.headers.get("location"), []);
      record("OAuth round trip", `oauth ${JSON.stringify(payload)}`, problem);
      if (problem) failures.push(`${JSON.stringify(payload)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, MATRIX_TIMEOUT_MS);

  it("sends a signed-in visit to /sign-in or /register?callbackUrl= only to the app's origin", async () => {
    const pages = {
      "/sign-in": (await import("@/app/(auth)/sign-in/page")).default,
      "/register": (await import("@/app/(auth)/register/page")).default,
    };
    const failures: string[] = [];
    state.user = signedIn;
    for (const [page, render] of Object.entries(pages)) {
      for (const payload of OPEN_REDIRECT_PAYLOADS) {
        const thrown = await render({ searchParams: Promise.resolve({ callbackUrl: payload }) }).then(
          () => null,
          (error: unknown) => error,
        );
        const location = getURLFromRedirectError(thrown as Parameters<typeof getURLFromRedirectError>[0]);
        const problem = typeof location === "string" ? offSite(location, []) : "did not redirect";
        record(`page ${page}`, `${page} ${JSON.stringify(payload)}`, problem);
        if (problem) failures.push(`${page} ${JSON.stringify(payload)}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  }, MATRIX_TIMEOUT_MS);
});

describe("origin matrix", () => {
  const ATTACKS: Record<string, Record<string, string>> = {
    "foreign Origin": { origin: EVIL, "sec-fetch-site": "cross-site" },
    "foreign Origin only": { origin: EVIL },
    "Sec-Fetch-Site: cross-site only": { "sec-fetch-site": "cross-site" },
    "Sec-Fetch-Site: same-site": { origin: "http://sub.localhost:3000", "sec-fetch-site": "same-site" },
    "Origin: null": { origin: "null" },
  };

  it("exempts only machine-to-machine routes that exist, and they refuse an unsigned post", async () => {
    const routes = await listRouteHandlers();
    for (const pattern of MACHINE_ROUTES) {
      const route = routes.find((r) => r.pattern === pattern);
      expect(route, pattern).toBeDefined();
      const before = await digestTables(handle.db);
      for (const { path, params } of samplesFor(route!)) {
        state.user = signedIn;
        const response = await (await route!.load()).POST!(new NextRequest(`${APP}${path}`, { method: "POST", body: "{}", headers: { origin: EVIL, "content-type": "application/json" } }), { params: Promise.resolve(params) });
        expect([401, 404], `${path}: ${response.status}`).toContain(response.status);
      }
      expect(await digestTables(handle.db)).toEqual(before);
    }
  });

  it("refuses every cross-site state-changing request to every route with 403, and nothing changes", async () => {
    const routes = (await listRouteHandlers()).filter((route) => !isMachine(route));
    const before = await digestTables(handle.db);
    const failures: string[] = [];
    state.user = signedIn;
    for (const route of routes) {
      const mod = await route.load();
      for (const method of route.methods.filter((m: HttpMethod) => STATE_CHANGING_METHODS.includes(m))) {
        for (const { path, params } of samplesFor(route)) {
          const matched = proxyMatches(path);
          const send = async (headers: Record<string, string>) => {
            const request = new NextRequest(`${APP}${path}`, { method, body: "{}", headers: { ...headers, "content-type": "application/json" } });
            const stopped = matched ? proxy(request) : null;
            if (stopped && !stopped.headers.get("x-middleware-next")) return stopped;
            return mod[method]!(request, { params: Promise.resolve(params) });
          };
          tally.originTargets.add(`${method} ${path}`);
          for (const [attack, headers] of Object.entries(ATTACKS)) {
            tally.originCalls++;
            const response = await send(headers);
            if (response.status !== 403) failures.push(`${method} ${path} (${matched ? "proxy" : "route"}) ${attack}: ${response.status}`);
          }
          // The same request from the app itself is not refused: the 403 above is the origin check's.
          if (!matched && (await send({ origin: APP, "sec-fetch-site": "same-origin" })).status === 403) failures.push(`${method} ${path}: refused from the app's own origin`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await digestTables(handle.db)).toEqual(before);
  }, MATRIX_TIMEOUT_MS);

  it("refuses every tRPC mutation cross-site (403) and in any body but JSON (415), and nothing changes", async () => {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const mutations = listProcedures().filter((p) => p.type === "mutation");
    expect(mutations.length).toBeGreaterThan(10);
    const before = await digestTables(handle.db);
    const failures: string[] = [];
    state.user = signedIn;
    for (const { path } of mutations) {
      const url = `${APP}/api/trpc/${path}`;
      expect(proxyMatches(`/api/trpc/${path}`)).toBe(true);
      tally.originTargets.add(`mutation ${path}`);
      for (const [attack, headers] of Object.entries(ATTACKS)) {
        tally.originCalls++;
        const response = proxy(new NextRequest(url, { method: "POST", body: "{}", headers: { ...headers, "content-type": "application/json" } }));
        if (response.status !== 403) failures.push(`${path} ${attack}: ${response.status}`);
      }
      const multipart = new FormData();
      multipart.set("email", "attacker@evil.example");
      const bodies: [string, RequestInit][] = [
        ["multipart", { body: multipart }],
        ["text/plain", { body: "{}", headers: { "content-type": "text/plain" } }],
        ["octet-stream", { body: "{}", headers: { "content-type": "application/octet-stream" } }],
        ["no type", { body: new Blob(["{}"]) }],
      ];
      for (const [kind, init] of bodies) {
        tally.originCalls++;
        const response = await POST(new Request(url, { method: "POST", ...init }));
        if (response.status !== 415) failures.push(`${path} ${kind}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await digestTables(handle.db)).toEqual(before);
  }, MATRIX_TIMEOUT_MS);
});
