import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { makeHandle, openDatabase, type Database, type DbHandle, type Migrator } from "./index";
import * as schema from "./schema";

/**
 * A fresh, migrated database for one test file. In-memory PGlite by default (a clone of a
 * migrated template); with TEST_DATABASE_URL, a new Postgres database copied from the template
 * that the global setup migrated (see vitest.global-setup.ts).
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresTestDb(url) : createPgliteTestDb();
}

let pgliteTemplate: Promise<PGlite> | undefined;

async function createPgliteTestDb(): Promise<DbHandle> {
  pgliteTemplate ??= (async () => {
    const handle = await openDatabase("pglite://memory");
    await handle.migrate();
    return (handle.db as unknown as { $client: PGlite }).$client;
  })();
  const client = (await (await pgliteTemplate).clone()) as PGlite;
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  return makeHandle("pglite-memory", drizzle(client, { schema }) as unknown as Database, migrate as Migrator, client, () => client.close());
}

async function createPostgresTestDb(baseUrl: string): Promise<DbHandle> {
  const template = inject("templateDb");
  if (!template) throw new Error("TEST_DATABASE_URL is set but the vitest global setup did not create the template database");
  const name = `biosync_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(baseUrl, `create database ${name} template ${template}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on a short-lived connection to the server of `url`. */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * One fresh database for the test file: created before its tests, closed after them.
 * `const test = withTestDb();` then `test.db` (or the whole `test.handle`) inside tests.
 * `inProcessJobs` clears the Inngest variables so emitted events run on the in-process runner
 * whatever the developer's environment says (the test's job backend is chosen at first use, see
 * vitest.setup.ts).
 */
export function withTestDb(options: { inProcessJobs?: boolean } = {}): { readonly db: Database; readonly handle: DbHandle } {
  let current: DbHandle | undefined;
  beforeAll(async () => {
    if (options.inProcessJobs) {
      vi.stubEnv("INNGEST_EVENT_KEY", "");
      vi.stubEnv("INNGEST_DEV", "");
    }
    current = await createTestDb();
  });
  afterAll(async () => {
    await current?.close();
    if (options.inProcessJobs) vi.unstubAllEnvs();
  });
  const handle = () => {
    if (!current) throw new Error("withTestDb(): the database exists only inside tests and hooks");
    return current;
  };
  return {
    get db() {
      return handle().db;
    },
    get handle() {
      return handle();
    },
  };
}
