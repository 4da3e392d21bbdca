import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { callProcedure, listProcedures } from "../attack-surface";
import { callerFor, sessionFor } from "../testing";
import { accessOf, sampleInputOf } from "./input-samples";

/*
 * Every procedure's access level comes from the builder it is made from (`meta.access` in
 * server/trpc.ts), so a new procedure is in this matrix the day it exists. The public ones are
 * pinned, and so are the routers that are for admins only: a new public procedure, or an admin
 * procedure moved to a weaker builder, is a visible change to this file.
 */

const PUBLIC_PROCEDURES = ["auth.confirmEmailChange", "auth.register", "auth.requestPasswordReset", "auth.resetPassword", "auth.verifyEmail"];
const ADMIN_ROUTERS = ["admin", "jobs", "outbox"];

const MB = "x".repeat(1024 * 1024);
const deep = Array.from({ length: 2000 }).reduce<unknown>((inner) => ({ a: inner }), "bottom");
/** Inputs no schema accepts, or that reach a parser's corners; the refusal must come first anyway. */
const GARBAGE: unknown[] = [undefined, null, 0, Number.NaN, "garbage", MB, [], [1, 2], {}, { id: "' or 1=1 --" }, JSON.parse('{"__proto__":{"role":"admin"}}'), deep];

const test = withTestDb({ inProcessJobs: true });
const procedures = listProcedures();
const fetchSpy = vi.fn(async () => new Response(null, { status: 599 }));
let plainUser: ReturnType<typeof callerFor>;
let tableCounts: () => Promise<Record<string, number>>;
let calls = 0;

beforeAll(async () => {
  vi.stubGlobal("fetch", fetchSpy);
  const [row] = await test.db.insert(users).values({ email: "plain@example.com", role: "user" }).returning();
  // On the top plan: a plan guard (entitledProcedure) is not an access tag, and its refusal would come before the input check.
  await onPlan(test.db, row!.id, "team");
  plainUser = callerFor(test.db, sessionFor(row!));
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await test.db.execute(query)) as unknown as { rows: T[] }).rows;
  tableCounts = async () => {
    const tables = await rows<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by 1`);
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(tablename)}`);
      counts[tablename] = count!.n;
    }
    return counts;
  };
});
afterAll(() => {
  vi.unstubAllGlobals();
  console.info(`role matrix: ${procedures.length} procedures, ${calls} refused calls`);
});

/** The refusal a call got; it must be the access check's own (no input issue, no field, no data). */
async function refusal(caller: unknown, path: string, input: unknown): Promise<TRPCError> {
  calls++;
  const outcome = await callProcedure(caller, path, input).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`${path} answered ${JSON.stringify(outcome.value)?.slice(0, 200)} instead of refusing`);
  expect(outcome.error, path).toBeInstanceOf(TRPCError);
  return outcome.error as TRPCError;
}


/**
 * Every procedure whose access `applies` refuses `caller` with `expected`, with a valid input and
 * with each garbage one, before reading the input (no validation cause) and changing no table.
 */
async function expectRefusedBeforeInput(
  caller: ReturnType<typeof callerFor>,
  applies: (access: ReturnType<typeof accessOf>) => boolean,
  expected: { code: string; message: string },
) {
  const before = await tableCounts();
  for (const entry of procedures.filter((p) => applies(accessOf(p.procedure)))) {
    for (const input of [sampleInputOf(entry, { fields: "all" }), ...GARBAGE]) {
      const error = await refusal(caller, entry.path, input);
      expect({ path: entry.path, code: error.code, message: error.message, cause: error.cause }).toEqual({ path: entry.path, ...expected, cause: undefined });
    }
  }
  expect(await tableCounts()).toEqual(before);
}

describe("role matrix", () => {
  it("every procedure is made from a tagged builder, and the public ones are exactly the pinned list", () => {
    const untagged = procedures.filter((p) => accessOf(p.procedure) === undefined).map((p) => p.path);
    expect(untagged).toEqual([]);
    expect(procedures.filter((p) => accessOf(p.procedure) === "public").map((p) => p.path)).toEqual(PUBLIC_PROCEDURES);
    expect(procedures.length).toBeGreaterThan(30);
  });

  it("a procedure is tagged admin exactly when it sits in one of the admin routers", () => {
    const misplaced = procedures
      .filter((p) => (accessOf(p.procedure) === "admin") !== ADMIN_ROUTERS.includes(p.path.split(".")[0]!))
      .map((p) => `${p.path}: ${accessOf(p.procedure)}`);
    expect(misplaced).toEqual([]);
  });

  it("with no session, every user and admin procedure answers UNAUTHORIZED before reading its input, and nothing changes", async () => {
    await expectRefusedBeforeInput(callerFor(test.db, null), (access) => access !== "public", { code: "UNAUTHORIZED", message: "Sign in to continue." });
  });

  it("a plain user gets FORBIDDEN from every admin procedure before its input is read, and nothing changes", async () => {
    await expectRefusedBeforeInput(plainUser, (access) => access === "admin", { code: "FORBIDDEN", message: "Admins only." });
  });

  it("the tags are not over-claimed: a plain user reaches the input check of every user procedure that takes input", async () => {
    for (const entry of procedures.filter((p) => accessOf(p.procedure) === "user" && p.takesInput)) {
      const error = await refusal(plainUser, entry.path, "garbage");
      expect({ path: entry.path, code: error.code }).toEqual({ path: entry.path, code: "BAD_REQUEST" });
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
