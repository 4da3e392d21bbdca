import { randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE, GET, POST, PUT } from "@/app/api/v1/[...path]/route";
import { GET as documentRoute } from "@/app/api/v1/openapi.json/route";
import { GET as trpcRoute } from "@/app/api/trpc/[trpc]/route";
import type { DbHandle } from "@/db";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { addDays, localDate } from "@/server/health/local-date";
import { drainJobs } from "@/server/platform/jobs/runner";
import { countRequest } from "@/server/platform/rate-limits/enforce";
import { limitRules, requestLimits } from "@/server/platform/rate-limits/rules";
import { setDemoTransport } from "@/server/health/demo/feed";
import { demoTransportThroughRoute } from "@/server/security/testing/populated-user";
import { callerFor, sessionFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";

/*
 * The REST face checked against its own document: the document is valid OpenAPI 3.1, every
 * documented operation answers through the real route handler as documented (status and body
 * against the response schema), and the token rules hold (none, revoked, read-only, disabled).
 */

const state = vi.hoisted(() => ({ handle: null as DbHandle | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.handle!.db, getDbHandle: async () => state.handle }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

const test = withTestDb({ inProcessJobs: true });
const TIME_ZONE = "Europe/Berlin";
const handlers = { GET, POST, PUT, DELETE } as const;

type Method = keyof typeof handlers;
interface Call {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

let session: SessionUser;
let writeToken: string;
let readToken: string;
let today: string;
let document: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: { "application/json"?: { schema: unknown } } }> }>>; components: unknown };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

async function call({ method, path, query, body }: Call, token: string | null, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const url = `http://localhost/api/v1${path}${query ? `?${new URLSearchParams(query)}` : ""}`;
  const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await handlers[method](new Request(url, init));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Whether `body` matches the documented schema of `status` for the operation at `template`/`method`. */
function conforms(template: string, method: string, status: number, body: unknown): string[] {
  const schema = document.paths[template]![method.toLowerCase()]!.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema) return [`no documented ${status} response`];
  const validate = ajv.compile({ ...(schema as object), components: document.components });
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const errorConforms = (body: unknown) => conforms("/me", "GET", 401, body);

beforeAll(async () => {
  state.handle = test.handle;
  setDemoTransport(demoTransportThroughRoute);
  const user = await createUser(test.db, { email: `rest-${randomUUID()}@example.com`, name: "Rest Caller", verified: true });
  session = sessionFor(user);
  const caller = callerFor(test.db, session);
  await caller.profile.update({ name: "Rest Caller", heightCm: 170, weightKg: 70, timeZone: TIME_ZONE, units: "metric" });
  await caller.devices.connectDemo();
  const drained = await drainJobs(test.db, { timeoutMs: 240_000 });
  if (drained.pending || drained.outcomes.failed) throw new Error(`jobs did not finish: ${JSON.stringify(drained)}`);
  writeToken = (await caller.apiTokens.create({ name: "writer", scope: "write" })).secret;
  readToken = (await caller.apiTokens.create({ name: "reader", scope: "read" })).secret;
  today = localDate(new Date(), null, TIME_ZONE);
  document = (await documentRoute().json()) as typeof document;
}, 300_000);

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document with bearer security and the error envelope", async () => {
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect((document as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(JSON.stringify(document)).not.toMatch(/error\.(BAD_REQUEST|UNAUTHORIZED)/);
  });

  it("leaves session-only procedures off the REST face", () => {
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.length).toBeGreaterThanOrEqual(15);
    const text = JSON.stringify(Object.keys(document.paths));
    for (const forbidden of ["auth", "two-factor", "twoFactor", "sessions", "privacy", "api-tokens", "apiTokens", "admin"]) expect(text).not.toContain(forbidden);
  });
});

describe("every documented operation answers as documented", () => {
  it("calls each one with a write token, in an order where each finds what the one before made", async () => {
    const from = addDays(today, -20);
    let savedId = "";
    const examples: Record<string, () => Call> = {
      getMe: () => ({ method: "GET", path: "/me" }),
      getSummary: () => ({ method: "GET", path: "/summary" }),
      getLatestDailySummary: () => ({ method: "GET", path: "/daily-summaries/latest" }),
      listDailySummaries: () => ({ method: "GET", path: "/daily-summaries", query: { from, to: today } }),
      listEnergyScores: () => ({ method: "GET", path: "/energy-scores", query: { from, to: today } }),
      listRisks: () => ({ method: "GET", path: "/risks", query: { from, to: today } }),
      getForecast: () => ({ method: "GET", path: "/forecast" }),
      getTrendSeries: () => ({ method: "GET", path: "/trends/series", query: { metric: "resting_heart_rate", from, to: today, bucket: "day" } }),
      listSleepNights: () => ({ method: "GET", path: "/trends/sleep-nights", query: { from, to: today } }),
      getWeeklyTrends: () => ({ method: "GET", path: "/trends/weekly", query: { weeks: "4" } }),
      listWorkouts: () => ({ method: "GET", path: "/trends/workouts", query: { from, to: today, limit: "5" } }),
      saveJournalEntry: () => ({ method: "POST", path: "/journal/entries", body: { date: today, mood: 7, energy: 6, tags: ["sauna"], notes: "from the API" } }),
      getJournalEntry: () => ({ method: "GET", path: `/journal/entries/${today}` }),
      listJournalEntries: () => ({ method: "GET", path: "/journal/entries", query: { from, to: today, limit: "10" } }),
      listJournalTags: () => ({ method: "GET", path: "/journal/tags" }),
      deleteJournalEntry: () => ({ method: "DELETE", path: `/journal/entries/${savedId}` }),
    };
    const operations = Object.entries(document.paths).flatMap(([template, ops]) => Object.entries(ops).map(([method, op]) => ({ template, method, id: op.operationId })));
    expect(operations.map((o) => o.id).sort()).toEqual(Object.keys(examples).sort());
    const order = Object.keys(examples);
    const failures: string[] = [];
    for (const operation of operations.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))) {
      const request = examples[operation.id]!();
      expect(request.method.toLowerCase()).toBe(operation.method);
      const answer = await call(request, writeToken);
      if (operation.id === "saveJournalEntry") savedId = (answer.body as { id: string }).id;
      if (answer.status !== 200) failures.push(`${operation.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
      else failures.push(...conforms(operation.template, operation.method, 200, answer.body).map((e) => `${operation.id}: ${e}`));
      expect(answer.headers.get("x-request-id")).toBeTruthy();
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("returns real data, not empty answers", async () => {
    const days = await call({ method: "GET", path: "/daily-summaries", query: { from: addDays(today, -20), to: today } }, readToken);
    expect((days.body as unknown[]).length).toBeGreaterThan(10);
    const me = await call({ method: "GET", path: "/me" }, readToken);
    expect(me.body).toMatchObject({ name: "Rest Caller", timeZone: TIME_ZONE });
  });
});

describe("tokens and errors on /api/v1", () => {
  const me: Call = { method: "GET", path: "/me" };

  it("refuses a call without a token, and does not take a session cookie instead", async () => {
    state.user = session;
    try {
      const answer = await call(me, null, { cookie: "authjs.session-token=whatever" });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: "UNAUTHORIZED", details: { reason: "api-token.missing" } } });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(errorConforms(answer.body)).toEqual([]);
    } finally {
      state.user = null;
    }
  });

  it("does not take an API token on /api/trpc", async () => {
    const response = await trpcRoute(new Request("http://localhost/api/trpc/profile.get", { headers: { authorization: `Bearer ${readToken}` } }));
    expect(response.status).toBe(401);
  });

  it("refuses a revoked token and a disabled account with 401 in the envelope", async () => {
    const other = await createUser(test.db, { email: `rest-other-${randomUUID()}@example.com`, verified: true });
    const caller = callerFor(test.db, sessionFor(other));
    const { token, secret } = await caller.apiTokens.create({ name: "soon gone", scope: "read" });
    expect((await call(me, secret)).status).toBe(200);
    await caller.apiTokens.revoke({ id: token.id });
    const revoked = await call(me, secret);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: "UNAUTHORIZED", details: { reason: "api-token.invalid" } } });
    expect(errorConforms(revoked.body)).toEqual([]);

    const live = (await caller.apiTokens.create({ name: "disabled soon", scope: "read" })).secret;
    await test.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, other.id));
    expect((await call(me, live)).status).toBe(401);
  });

  it("lets a read token read and refuses its writes with 403 api-token.scope", async () => {
    expect((await call(me, readToken)).status).toBe(200);
    const write = await call({ method: "POST", path: "/journal/entries", body: { date: today, mood: 5 } }, readToken);
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: { code: "FORBIDDEN", details: { reason: "api-token.scope" } } });
    expect(errorConforms(write.body)).toEqual([]);
    expect((await call({ method: "GET", path: `/journal/entries/${today}` }, readToken)).body).toBeNull();
  });

  it("answers bad input with 400 naming the field, and a body that is not JSON with 400", async () => {
    const bad = await call({ method: "GET", path: "/daily-summaries", query: { from: "yesterday", to: today } }, readToken);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "BAD_REQUEST" } });
    expect(new Set((bad.body as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map((f) => f.path))).toEqual(new Set(["from"]));
    expect(errorConforms(bad.body)).toEqual([]);
    const badLimit = await call({ method: "GET", path: "/journal/entries", query: { from: today, to: today, limit: "500" } }, readToken);
    expect((badLimit.body as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map((f) => f.path)).toEqual(["limit"]);
    const notJson = await call({ method: "POST", path: "/journal/entries", body: "{not json" }, writeToken);
    expect(notJson.status).toBe(400);
    expect(errorConforms(notJson.body)).toEqual([]);
  });

  it("answers past the REST rate limit with 429, Retry-After and details.retryAfter", async () => {
    const other = await createUser(test.db, { email: `rest-busy-${randomUUID()}@example.com`, verified: true });
    const { secret } = await callerFor(test.db, sessionFor(other)).apiTokens.create({ name: "busy", scope: "read" });
    const [userCheck] = requestLimits.rest(other.id, "unknown");
    for (let i = 0; i < limitRules().restUser.points; i++) await countRequest(test.db, [userCheck!]);
    const refused = await call(me, secret);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
    const retryAfter = (refused.body as { error: { details: { retryAfter: number } } }).error.details.retryAfter;
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.headers.get("retry-after")).toBe(String(retryAfter));
    expect(errorConforms(refused.body)).toEqual([]);
  });

  it("answers an unknown path 404 and a wrong method 405 in the envelope, and another user's row 404", async () => {
    const unknown = await call({ method: "GET", path: "/no-such-thing" }, readToken);
    expect(unknown.status).toBe(404);
    expect(errorConforms(unknown.body)).toEqual([]);
    const wrong = await call({ method: "PUT", path: "/me" }, writeToken);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect(wrong.body).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    const missing = await call({ method: "DELETE", path: `/journal/entries/${randomUUID()}` }, writeToken);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
