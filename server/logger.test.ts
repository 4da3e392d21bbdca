import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";

const state = vi.hoisted(() => ({ db: null as Database | null, lines: [] as string[] }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => null }));
// The app's own logger, at a level that logs, writing into `state.lines`.
vi.mock("@/server/logger", async (original) => {
  const actual = await original<typeof import("./logger")>();
  return { ...actual, logger: actual.createLogger({ level: "info", destination: { write: (line: string) => void state.lines.push(line) } }) };
});

const { POST } = await import("@/app/api/trpc/[trpc]/route");
const { logger } = await import("./logger");
const { describeFailure } = await import("./platform/jobs/execute");

const EMAIL = "victim@leak.example";
const PASSWORD = "Correct-Horse-42-battery";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
  // A real database error on the insert of the new account: Postgres reports the failing row.
  await handle.db.execute(sql`alter table users add constraint no_leak_example check (email not like '%@leak.example')`);
});
afterAll(() => handle.close());
beforeEach(() => {
  state.lines.length = 0;
});

const register = (input: unknown) =>
  POST(
    new Request("http://localhost/api/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
  );

describe("errors in the log", () => {
  it("a failing insert from an anonymous auth.register logs neither the email nor the password or its hash", async () => {
    const response = await register({ email: EMAIL, password: PASSWORD });
    const body = await response.text();
    expect(response.status).toBe(500);
    const log = state.lines.join("\n");
    expect(log).toContain("trpc procedure failed");
    expect(log).toContain("no_leak_example"); // the log still says what failed
    for (const secret of [EMAIL, PASSWORD, "$argon2", "victim"]) {
      expect(log).not.toContain(secret);
      expect(body).not.toContain(secret);
    }
    expect(body).not.toMatch(/insert into|Failed query|params:/i);
  });

  it("drops bound values from messages, stacks and causes at any depth", () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "secret-id"'), {
      severity: "ERROR",
      code: "22P02",
      detail: "Failing row contains (secret-row).",
      where: "unnamed portal parameter $1 = 'secret-where'",
    });
    const queryError = Object.assign(new Error('Failed query: select 1 where id = $1\nparams: secret-param,"with\nnewline"'), {
      query: "select 1 where id = $1",
      params: ["secret-param"],
      cause: pgError,
    });
    const wrapper = new Error("job failed", { cause: new AggregateError([queryError], "several") });
    logger.error({ err: wrapper }, "wrapped");
    logger.error({ error: queryError }, "under the other key");
    const log = state.lines.join("\n");
    expect(log).not.toMatch(/secret-/);
    expect(log).toContain("select 1 where id = $1");
    expect(log).toContain("22P02");
    expect(log).toContain("invalid input syntax for type uuid");
    // A failed job run keeps the same text for the admin's jobs page.
    const stored = describeFailure(queryError);
    expect(stored).not.toMatch(/secret-/);
    expect(stored).toContain("Failed query: select 1 where id = $1");
  });
});
