import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isBuildPhase } from "@/server/env";
import { checkPrivateTree, restrictToOwner } from "@/server/private-files";
import * as schema from "./schema";
import { installSyncTriggers } from "./sync-triggers";

export type Schema = typeof schema;
/** One type for every driver: PGlite, node-postgres and Neon all satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DriverKind = "pglite-dir" | "pglite-memory" | "neon" | "postgres";

export interface DbHandle {
  db: Database;
  kind: DriverKind;
  /** Runs the committed drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>;
  /** Cheap liveness query used by /api/readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR ?? ".data");
}

export function resolveDriver(url: string | undefined): { kind: DriverKind; target: string } {
  if (!url) return { kind: "pglite-dir", target: path.join(dataDir(), "pglite") };
  if (url === "pglite://memory") return { kind: "pglite-memory", target: "memory://" };
  if (url.startsWith("pglite://")) return { kind: "pglite-dir", target: path.resolve(/*turbopackIgnore: true*/ url.slice("pglite://".length)) };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be unset, pglite://memory, pglite://<dir> or a postgres:// URL (got "${url.split(":")[0]}:…")`);
  }
  const host = new URL(url).hostname;
  if (host.endsWith(".neon.tech") || env().DATABASE_DRIVER === "neon") return { kind: "neon", target: url };
  return { kind: "postgres", target: url };
}

export type Migrator = (db: never, config: { migrationsFolder: string }) => Promise<void>;

/** A node-postgres or Neon pool, as libraries that run their own SQL (the rate limiter) take it. */
export interface PostgresPool {
  query(config: { text: string; values?: unknown[]; name?: string }): Promise<unknown>;
}

// Keyed by the drizzle instance, on globalThis: Next may load this module twice (see STACK-NOTES).
const clientsKey = Symbol.for("biosync.db.clients");
type GlobalWithClients = typeof globalThis & { [clientsKey]?: WeakMap<Database, { kind: DriverKind; client: unknown }> };
function clientsOfHandles() {
  const g = globalThis as GlobalWithClients;
  return (g[clientsKey] ??= new WeakMap());
}

/** The driver of a database opened here, and its Postgres pool when it is a server (null for PGlite). */
export function driverOf(db: Database): { kind: DriverKind; pool: PostgresPool | null } | null {
  const entry = clientsOfHandles().get(db);
  if (!entry) return null;
  return { kind: entry.kind, pool: entry.kind === "postgres" || entry.kind === "neon" ? (entry.client as PostgresPool) : null };
}

/** The handle shape shared by every driver, from its drizzle instance, migrator and client. */
export function makeHandle(kind: DriverKind, db: Database, migrate: Migrator, client: { query(sql: string): Promise<unknown> }, close: () => Promise<void>): DbHandle {
  clientsOfHandles().set(db, { kind, client });
  return {
    db,
    kind,
    migrate: async () => {
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      await installSyncTriggers(db);
    },
    ping: async () => void (await client.query("select 1")),
    close,
  };
}

/** An idle pooled connection dropped by the server (restart, failover) must not crash the process. */
function logLostConnections(pool: { on(event: "error", listener: (error: Error) => void): unknown }) {
  pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
}

export async function openDatabase(url: string | undefined): Promise<DbHandle> {
  const { kind, target } = resolveDriver(url);
  switch (kind) {
    case "pglite-dir":
    case "pglite-memory": {
      const { PGlite } = await import("@electric-sql/pglite");
      const { drizzle } = await import("drizzle-orm/pglite");
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      if (kind === "pglite-dir") {
        mkdirSync(target, { recursive: true, mode: 0o700 });
        checkPrivateTree(target, "The database directory");
      }
      const client = new PGlite(kind === "pglite-dir" ? target : undefined);
      await client.waitReady;
      const handle = makeHandle(kind, drizzle(client, { schema }) as unknown as Database, migrate as Migrator, client, () => client.close());
      if (kind === "pglite-memory") return handle;
      // PGlite creates its files 0666 (see private-files.ts); the ones it adds later sit in this 0700 directory.
      restrictToOwner(target);
      return {
        ...handle,
        migrate: async () => {
          await handle.migrate();
          restrictToOwner(target);
        },
      };
    }
    case "neon": {
      const { Pool, neonConfig } = await import("@neondatabase/serverless");
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      neonConfig.webSocketConstructor = (await import("ws")).default;
      const wsProxy = env().NEON_WS_PROXY;
      if (wsProxy) {
        // Local testing of the Neon driver against a plain Postgres through a WebSocket-to-TCP proxy.
        neonConfig.wsProxy = (host, port) => `${wsProxy}/v1?address=${host}:${port}`;
        neonConfig.useSecureWebSocket = false;
        neonConfig.pipelineTLS = false;
        neonConfig.pipelineConnect = false;
      }
      const pool = new Pool({ connectionString: target });
      logLostConnections(pool);
      return makeHandle(kind, drizzle(pool, { schema }) as unknown as Database, migrate as Migrator, pool, () => pool.end());
    }
    case "postgres": {
      const pg = (await import("pg")).default;
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      const pool = new pg.Pool({ connectionString: target, max: env().DATABASE_POOL_MAX });
      logLostConnections(pool);
      return makeHandle(kind, drizzle(pool, { schema }) as unknown as Database, migrate as Migrator, pool, () => pool.end());
    }
  }
}

// Next.js may evaluate this module twice in one process; two PGlite instances on one data
// directory corrupt it for good, so the handle lives on globalThis (see STACK-NOTES).
const globalKey = Symbol.for("biosync.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbHandle> };

/** The process-wide database handle, opened and migrated once. */
export function getDbHandle(): Promise<DbHandle> {
  // Build workers run in parallel: opening the embedded database from several of them corrupts it.
  if (isBuildPhase()) {
    return Promise.reject(new Error("The database is not available while building; render this page per request."));
  }
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    g[globalKey] = (async () => {
      const handle = await openDatabase(env().DATABASE_URL);
      await handle.migrate();
      return handle;
    })();
    g[globalKey].catch(() => {
      // Let the next caller retry (e.g. /api/readyz after the database comes back).
      delete g[globalKey];
    });
  }
  return g[globalKey];
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Replaces the process-wide handle (tests and scripts that open their own database). */
export function setDbHandle(handle: DbHandle): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle);
}
