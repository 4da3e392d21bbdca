import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/server/account/auth/users";
import { withTestDb } from "@/db/testing";
import { callProcedure, listProcedures, type ProcedureEntry } from "../attack-surface";
import { callerFor, sessionFor } from "../testing";
import { leafPaths, sampleInputOf, valueAt, withValueAt } from "./input-samples";

/*
 * Every procedure of appRouter (walked, never listed), called as nobody, a plain user and an
 * admin with hostile input: the whole input replaced, or one field of a valid-looking input
 * (derived from the procedure's zod schema) replaced. No call may answer INTERNAL_SERVER_ERROR,
 * throw anything but a TRPCError, hang, or leave a rejection unhandled. Jobs are only queued in
 * this file's own database (the runner is not started) and fetch is stubbed, so nothing outside
 * is contacted.
 */

// Real argon2id, at its cheapest: hashing is not what is fuzzed, and at OWASP's cost the password
// procedures alone would take most of the time budget on a loaded 2-core machine.
vi.mock("@node-rs/argon2", async (original) => {
  const argon2 = await original<typeof import("@node-rs/argon2")>();
  return { ...argon2, hash: (password: string, options?: object) => argon2.hash(password, { ...options, memoryCost: 64, timeCost: 1 }) };
});

const MIN_CASES = 10_000;
const MAX_CASES = 12_000;
const TIME_LIMIT_MS = 85_000;
const CALL_TIMEOUT_MS = 10_000;

const MB = "x".repeat(1024 * 1024);
const nested = (depth: number, wrap: (inner: unknown) => unknown) => Array.from({ length: depth }).reduce<unknown>(wrap, "bottom");

const BAD_CHARACTERS = ["\u0000", "\u0000", "\n", "\r", "\t", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u202e", "\ufeff", "\ud800", "\udfff", "\uffff"];
const badCharacter = fc.constantFrom(...BAD_CHARACTERS);
const cursorOf = (at: unknown, id: unknown) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
/** Keyset cursors that decode but point nowhere a query can go. */
const hostileCursor = fc
  .tuple(
    fc.constantFrom<unknown>("2024-01-01T00:00:00.000Z", "-100000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "not a date", 1, null),
    fc.constantFrom<unknown>("00000000-0000-0000-0000-000000000000", "not-a-uuid", "' or '1'='1", "\u0000", 7, null),
  )
  .map(([at, id]) => cursorOf(at, id));
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(badCharacter, fc.constantFrom("a", "Z", "0", "é", "😀", "'", '"', "%", "_", "\\", "@", "-", ":", " ")), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: hostileCursor },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      MB,
      `${MB}\u0000`,
      "",
      " ",
      "\u0000",
      "%00",
      "' or '1'='1",
      "'; drop table users; --",
      "0000-01-01",
      "1899-12-31",
      "2101-01-01",
      "-100000-01-01",
      "+275760-09-13",
      "2024-02-30",
      "9999-12-31T23:59:59.999Z",
      "NaN",
      "__proto__",
      "constructor",
      "../../etc/passwd",
      "00000000-0000-0000-0000-000000000000",
    ),
  },
);
/** A valid-looking string with one bad character slipped in somewhere. */
const tainted = (valid: string) => fc.tuple(badCharacter, fc.nat({ max: valid.length })).map(([bad, at]) => `${valid.slice(0, at)}${bad}${valid.slice(at)}`);
const hostileNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53), 2 ** 31, -1, 1e308),
  fc.double(),
  fc.integer(),
);
const hostileDate = fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), new Date("0000-01-01T00:00:00Z"));
const hostileShape = fc.constantFrom<unknown>(
  nested(3000, (inner) => ({ a: inner })),
  nested(3000, (inner) => [inner]),
  JSON.parse('{"__proto__":{"role":"admin","isAdmin":true}}'),
  { constructor: { prototype: { polluted: true } } },
  Object.create(null),
  new Array(100_000).fill("x"),
  new Array(10_000).fill({}),
  [Number.NaN],
  { toString: "x", valueOf: 1, toJSON: null },
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileDate },
  { weight: 2, arbitrary: hostileShape },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, 0, {}, []) },
);

/** A replacement for one field: mostly the same type gone wrong (so it gets past the type check), sometimes anything. */
function hostileFor(valid: unknown): fc.Arbitrary<unknown> {
  if (typeof valid === "string" && /^\d{4}-\d{2}-\d{2}/.test(valid)) {
    const otherYear = fc.constantFrom("0000", "0001", "1899", "2101", "9999").map((year) => `${year}${valid.slice(4)}`);
    return fc.oneof({ weight: 3, arbitrary: otherYear }, { weight: 2, arbitrary: tainted(valid) }, { weight: 1, arbitrary: hostile });
  }
  if (typeof valid === "string") return fc.oneof({ weight: 3, arbitrary: tainted(valid) }, { weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostile });
  if (typeof valid === "number") return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostile });
  // An optional field left out of the sample (a cursor, say): strings are what it takes.
  if (valid === undefined) return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostile });
  return hostile;
}

/** Inputs for one procedure: one hostile field in a valid-looking input, hostile wholes, or that input itself. */
function inputsFor(entry: ProcedureEntry): fc.Arbitrary<unknown> {
  const sample = sampleInputOf(entry, { fields: "all" });
  const mutations = leafPaths(sample).map((path) => hostileFor(valueAt(sample, path)).map((value) => withValueAt(sample, path, value)));
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...mutations) },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(sample) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"role":"admin"}}}')
        .map((extra) => (sample && typeof sample === "object" ? { ...sample, ...JSON.parse(extra) } : JSON.parse(extra))),
    },
  );
}

const ROLES = ["anonymous", "user", "admin"] as const;
type Role = (typeof ROLES)[number];

const test = withTestDb({ inProcessJobs: true });
const procedures = listProcedures();
const fetchSpy = vi.fn(async () => new Response(null, { status: 599 }));
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let callers: Record<Role, unknown>;

beforeAll(async () => {
  vi.stubGlobal("fetch", fetchSpy);
  process.on("unhandledRejection", onUnhandled);
  const user = await createUser(test.db, { email: "fuzz-user@example.com", password: "Fuzz-user-password-1", verified: true });
  const admin = await createUser(test.db, { email: "fuzz-admin@example.com", password: "Fuzz-admin-password-1", verified: true, role: "admin" });
  callers = { anonymous: callerFor(test.db, null), user: callerFor(test.db, sessionFor(user)), admin: callerFor(test.db, sessionFor(admin)) };
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  vi.unstubAllGlobals();
});

const describeValue = (value: unknown) => {
  try {
    const text = fc.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
};

/** What went wrong with one call, or null when it answered or refused properly. */
async function problemOf(role: Role, entry: ProcedureEntry, input: unknown): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), CALL_TIMEOUT_MS)));
  try {
    const outcome = await Promise.race([callProcedure(callers[role], entry.path, input).then(() => "ok" as const), timeout]);
    return outcome === "timeout" ? `no answer within ${CALL_TIMEOUT_MS} ms` : null;
  } catch (error) {
    if (!(error instanceof TRPCError)) return `threw ${describeValue(error)}`;
    if (error.code !== "INTERNAL_SERVER_ERROR") return null;
    let root: unknown = error.cause;
    while (root instanceof Error && root.cause instanceof Error) root = root.cause;
    return `INTERNAL_SERVER_ERROR: ${root instanceof Error ? root.message.split("\n")[0] : String(root)}`;
  } finally {
    clearTimeout(timer);
  }
}

describe("fuzz", () => {
  it(
    `every procedure, as every role, with hostile input: no 500, at least ${MIN_CASES} cases`,
    async () => {
      const failures = new Map<string, string[]>();
      const perRole: Record<Role, number> = { anonymous: 0, user: 0, admin: 0 };
      const timePerProcedure = new Map<string, number>();
      const started = performance.now();
      const cases = fc.tuple(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...procedures).chain((entry) => fc.tuple(fc.constant(entry), inputsFor(entry))),
      );
      const result = await fc.check(
        fc.asyncProperty(cases, async ([role, [entry, input]]) => {
          perRole[role]++;
          const callStarted = performance.now();
          const problem = await problemOf(role, entry, input);
          timePerProcedure.set(entry.path, (timePerProcedure.get(entry.path) ?? 0) + performance.now() - callStarted);
          if (problem) {
            const key = `${entry.path} as ${role}: ${problem}`;
            // Every distinct failure is kept (with a few inputs), not only the first: one run shows them all.
            const examples = failures.get(key) ?? [];
            if (examples.length < 3) examples.push(describeValue(input));
            failures.set(key, examples);
          }
          return true;
        }),
        { numRuns: MAX_CASES, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(
        `fuzz: ${procedures.length} procedures, ${result.numRuns} cases (${ROLES.map((r) => `${r} ${perRole[r]}`).join(", ")}) in ${seconds} s, seed ${result.seed}, ${failures.size} distinct failures`,
      );
      const slowest = [...timePerProcedure].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.info(`fuzz: slowest ${slowest.map(([path, ms]) => `${path} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
      expect([...failures].map(([key, examples]) => `${key}\n    e.g. ${examples.join("\n    e.g. ")}`)).toEqual([]);
      expect(unhandled.map(describeValue)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(result.numRuns).toBeGreaterThanOrEqual(MIN_CASES);
    },
    TIME_LIMIT_MS + 30_000,
  );
});
