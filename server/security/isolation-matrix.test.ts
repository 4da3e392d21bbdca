import { ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { setDemoTransport } from "@/server/health/demo/feed";
import { providerIds } from "@/server/health/providers/registry";
import { webhookSigners } from "@/server/health/providers/testing/webhook-signing";
import { drainJobs } from "@/server/platform/jobs/runner";
import { callerFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import { callProcedure, listProcedures, listRouteHandlers, routeParams, routeQueryKeys, type RouteEntry } from "../attack-surface";
import { defOf, inputSchemaOf, sampleFor, stringFieldsIn, withValueAt } from "./input-samples";
import { demoTransportThroughRoute, populateUser, worldOf, type PopulatedUser } from "./testing/populated-user";
import { columnStrings, digest, rowsOwnedBy, type OwnedRows } from "./testing/registry-rows";

/*
 * The isolation matrix: two users with real data; every procedure and every route handler called as
 * the second user and anonymously, with every id and cursor of the first user in every string field,
 * route parameter and query parameter. No answer may carry the first user's data, and no call may
 * change it. Procedures and routes are walked as they exist the day the test runs.
 */

const state = vi.hoisted(() => ({ handle: null as DbHandle | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.handle!.db, getDbHandle: async () => state.handle }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

const handle = withTestDb({ inProcessJobs: true });
const world = worldOf(handle, state);

let a: PopulatedUser;
let b: PopulatedUser;
let rowsOfA: OwnedRows;
/** What can be put in a field: every string in A's rows and in A's answers. */
let harvested: string[];
/** What must never reach B: strings that identify A (ids, email, name, hashes, external ids), none of B's. */
let needles: string[];
/** A's email addresses (the account's, a pending new one): an input naming one may lead to mail for A. */
let addressesOfA: Set<string>;
const addressedToA = (input: unknown) => [...stringsIn(input)].some((s) => addressesOfA.has(s));
const figures = { procedures: 0, routes: 0, calls: 0, harvested: 0, needles: 0 };

/** Every string inside a JSON-able value. */
function stringsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (value instanceof Date) out.add(value.toISOString());
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** A's answers to every query that takes no input or only optional input (lists: one item a page, for a cursor). */
async function answersOf(user: PopulatedUser): Promise<unknown[]> {
  const caller = callerFor(handle.db, user.session);
  const answers = [];
  for (const entry of listProcedures().filter((p) => p.type === "query")) {
    const schema = inputSchemaOf(entry);
    const base = schema ? sampleFor(schema, { fields: "required" }) : undefined;
    const input = base && typeof base === "object" && "cursor" in (defOf(schema!).shape as object) ? { ...base, limit: 1 } : base;
    answers.push(await callProcedure(caller, entry.path, input).catch((error: unknown) => ({ error: String(error) })));
  }
  return answers;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A's strings in an answer, except those the caller sent itself (an error may echo its input). */
const leaksIn = (o: Outcome) => needles.filter((needle) => o.text.includes(needle) && !o.sent.includes(needle));

interface Outcome {
  what: string;
  /** What the caller sent (input, URL). */
  sent: string;
  /** The answer: serialized result, or the error's code, message, cause and fields. */
  text: string;
}

function describeError(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string; fields?: unknown } };
  return JSON.stringify({ code: e.code, message: e.message, cause: e.cause?.message, fields: e.cause?.fields ?? null });
}

/** Every procedure as `caller`, with each harvested value in each string field of its input. */
async function callEveryProcedure(caller: unknown, label: string, include: (input: unknown) => boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const entry of listProcedures()) {
    const schema = inputSchemaOf(entry);
    const inputs: unknown[] = [];
    if (!schema) inputs.push(undefined);
    else {
      inputs.push(sampleFor(schema, { fields: "required" }));
      for (const field of stringFieldsIn(schema)) for (const value of harvested) inputs.push(withValueAt(field.base, field.path, value));
    }
    for (const input of inputs) {
      if (!include(input)) continue;
      figures.calls++;
      const text = await callProcedure(caller, entry.path, input).then(
        (answer) => JSON.stringify(answer) ?? "",
        (error: unknown) => describeError(error),
      );
      const sent = JSON.stringify(input) ?? "";
      outcomes.push({ what: `${label} ${entry.path}(${sent.slice(0, 200)})`, sent, text });
    }
  }
  return outcomes;
}

/** The URLs to try for a route: each param and each query key in turn given each value. */
function routeUrls(route: RouteEntry, known: string[], values: string[]): { url: string; params: Record<string, string | string[]> }[] {
  const params = routeParams(route);
  const fill = (chosen: Record<string, string>) => {
    let pathname = route.pattern;
    const routeParamsValue: Record<string, string | string[]> = {};
    for (const p of params) {
      const value = chosen[p.name] ?? "session";
      pathname = pathname.replace(p.catchAll ? `[...${p.name}]` : `[${p.name}]`, encodeURIComponent(value));
      routeParamsValue[p.name] = p.catchAll ? [value] : value;
    }
    return { pathname, routeParamsValue };
  };
  const out: { url: string; params: Record<string, string | string[]> }[] = [];
  for (const p of params) {
    for (const value of values) {
      const { pathname, routeParamsValue } = fill({ [p.name]: value });
      out.push({ url: `http://localhost${pathname}`, params: routeParamsValue });
    }
  }
  const keys = routeQueryKeys(route);
  // With query keys, the params take each known name (provider ids, procedure paths) in turn.
  // With query keys, the params take the names the app knows in turn (every value once, every name in rotation).
  const paramSets = params.length ? known.map((v) => Object.fromEntries(params.map((p) => [p.name, v]))) : [{}];
  for (const key of keys) {
    values.forEach((value, i) => {
      const { pathname, routeParamsValue } = fill(paramSets[i % paramSets.length]!);
      out.push({ url: `http://localhost${pathname}?${new URLSearchParams({ [key]: value })}`, params: routeParamsValue });
    });
  }
  if (!params.length && !keys.length) out.push({ url: `http://localhost${route.pattern}`, params: {} });
  return out;
}

/** The body; of an event stream (which never ends by itself), what it sends first. */
async function bodyText(response: Response): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return response.text();
  const reader = response.body!.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.done ? "" : new TextDecoder().decode(first.value);
}

async function callEveryRoute(user: SessionUser | null, label: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const known = [...providerIds, ...listProcedures().map((p) => p.path), "session", "csrf", "providers", "signout", "callback"];
  for (const route of await listRouteHandlers()) {
    const handlers = await route.load();
    for (const method of route.methods) {
      for (const { url, params } of routeUrls(route, known, [...known, ...harvested])) {
        state.user = user;
        figures.calls++;
          const body = method === "GET" || method === "HEAD" ? undefined : JSON.stringify({ json: {} });
        const request = new Request(url, { method, body, headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" } });
        const text = await Promise.resolve(handlers[method]!(request, { params: Promise.resolve(params) })).then(
          async (response) => `${response.status} ${response.headers.get("location") ?? ""} ${await bodyText(response)}`,
          (error: unknown) => `threw ${describeError(error)}`,
        );
        outcomes.push({ what: `${label} ${method} ${url}`, sent: `${url} ${decodeURIComponent(url)} ${body ?? ""}`, text });
      }
    }
  }
  state.user = null;
  return outcomes;
}

beforeAll(async () => {
  for (const signer of Object.values(webhookSigners)) for (const [name, value] of Object.entries(signer.env)) vi.stubEnv(name, value);
  state.handle = handle.handle;
  setDemoTransport(demoTransportThroughRoute);
  a = await populateUser(world, { label: "alice", ip: "198.51.100.7", fitbitAccountId: "1503960366", heightCm: 168 });
  // B's demo device is connected by the matrix itself (devices.connectDemo takes no input).
  b = await populateUser(world, { label: "bob", ip: "203.0.113.9", fitbitAccountId: "1624580081", heightCm: 181, demo: false });
  rowsOfA = await rowsOwnedBy(handle.db, a.session.id);
  const rowsOfB = await rowsOwnedBy(handle.db, b.session.id);
  const ofB = new Set([...columnStrings(rowsOfB), ...stringsIn(await answersOf(b))]);
  // Ids from A's answers (cursors, uuids) and a few values of each column of A's rows: one column's ids are of one kind.
  const fromAnswers = [...stringsIn(await answersOf(a))].filter((s) => UUID.test(s) || /^[\w-]{20,}$/.test(s));
  harvested = [...new Set([...columnStrings(rowsOfA, { skipDates: true, perColumn: 3 }), ...fromAnswers])].filter((s) => !ofB.has(s)).sort();
  needles = [...columnStrings(rowsOfA, { skipEnums: true, skipDates: true })].filter((s) => s.length >= 8 && !ofB.has(s));
  addressesOfA = new Set([...columnStrings(rowsOfA)].filter((s) => /^[^@\s]+@[^@\s]+$/.test(s)));
  figures.harvested = harvested.length;
  figures.needles = needles.length;
}, 300_000);

afterAll(() => {
  setDemoTransport(null);
  vi.unstubAllEnvs();
  console.info(
    `isolation matrix: ${figures.procedures} procedures, ${figures.routes} route handlers, ${figures.calls} calls, ${figures.harvested} harvested values, ${figures.needles} needles`,
  );
});

/** Strings now held by anyone but A: what B (or an anonymous caller) stored itself may come back to it. */
async function stringsOfOthers(): Promise<Set<string>> {
  const others = (await handle.db.select({ id: users.id }).from(users).where(ne(users.id, a.session.id))).map((u) => u.id);
  const out = new Set<string>();
  for (const id of others) for (const rows of (await rowsOwnedBy(handle.db, id)).values()) stringsIn(rows, out);
  return out;
}

async function leaksOf(outcomes: Outcome[]): Promise<string[]> {
  const ownedByOthers = await stringsOfOthers();
  // A harvested value B stored (its name set to A's AI answer) brings A's strings inside it along (the narrative, a rule id).
  const storedByOthers = harvested.filter((value) => ownedByOthers.has(value));
  const theirs = (needle: string) => ownedByOthers.has(needle) || storedByOthers.some((value) => value.includes(needle));
  return outcomes.flatMap((o) => leaksIn(o).filter((needle) => !theirs(needle)).map((needle) => `${o.what} → ${needle}: ${o.text.slice(0, 300)}`));
}

const callers = () =>
  [
    ["B", b.session, callerFor(handle.db, b.session, { ip: "203.0.113.9" })],
    ["anonymous", null, callerFor(handle.db, null, { ip: "192.0.2.77" })],
  ] as const;

describe("isolation matrix", () => {
  it("the first user holds data in every table of the registry", () => {
    const empty = [...rowsOfA].filter(([, rows]) => rows.length === 0).map(([table]) => table);
    // The uploaded pieces are deleted once their import has run.
    expect(empty).toEqual(["file_import_chunks"]);
    expect(needles).toContain(a.session.id);
    expect(needles).toContain(a.session.email);
  });

  it("no procedure or route answers the other user or an anonymous caller with the first user's data, or changes it", { timeout: 300_000 }, async () => {
    const before = digest(rowsOfA);
    const outcomes: Outcome[] = [];
    for (const [label, user, caller] of callers()) {
      outcomes.push(...(await callEveryProcedure(caller, label, (input) => !addressedToA(input))));
      outcomes.push(...(await callEveryRoute(user, label)));
    }
    await drainJobs(handle.db, { timeoutMs: 120_000 });
    figures.procedures = listProcedures().length;
    figures.routes = (await listRouteHandlers()).length;
    expect.soft(await leaksOf(outcomes)).toEqual([]);
    expect(digest(await rowsOwnedBy(handle.db, a.session.id))).toEqual(before);
  });

  it("calls naming the first user's address may mail them (a link, a notice) and change nothing else of theirs", { timeout: 120_000 }, async () => {
    const MAIL_TABLES = ["auth_tokens", "email_outbox"];
    const withoutMail = (d: ReturnType<typeof digest>) => Object.fromEntries(Object.entries(d).filter(([table]) => !MAIL_TABLES.includes(table)));
    const before = withoutMail(digest(await rowsOwnedBy(handle.db, a.session.id)));
    const outcomes: Outcome[] = [];
    for (const [label, , caller] of callers()) outcomes.push(...(await callEveryProcedure(caller, label, addressedToA)));
    await drainJobs(handle.db, { timeoutMs: 120_000 });
    expect(outcomes.length).toBeGreaterThan(0);
    expect.soft(await leaksOf(outcomes)).toEqual([]);
    expect(withoutMail(digest(await rowsOwnedBy(handle.db, a.session.id)))).toEqual(before);
  });
});
