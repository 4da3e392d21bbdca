import type { PGlite } from "@electric-sql/pglite";
import type { Client, Pool } from "pg";
import { driverOf, getDb, type Database } from "@/db";
import { SYNC_POKE_CHANNEL } from "@/db/sync-triggers";
import { logger } from "@/server/logger";

/**
 * Pokes: "something of this user changed, pull". Every committed write to a synced table does
 * `pg_notify('sync_poke', user_id)` (db/sync-triggers.ts); one listener per process turns those
 * into calls of the user's subscribers (the SSE streams of app/api/sync/poke). PGlite listens on its
 * own client; node-postgres on one dedicated connection that reconnects with backoff (and pokes
 * everyone subscribed once it is back, since notifications sent meanwhile are lost); a driver with
 * no LISTEN (Neon's pool) relies on `pokeLocally`, which the push procedure calls after commit.
 */
export type PokeListener = () => void;

/** How the hub hears of commits: "listen" while a LISTEN is up, "local" when only pokeLocally feeds it. */
export type PokeTransport = "starting" | "listen" | "local";

export interface PokeHub {
  subscribe(userId: string, listener: PokeListener): () => void;
  /** Delivers a poke in this process, unless LISTEN is up (it delivers the same commit itself). */
  pokeLocally(userId: string): void;
  transport(): PokeTransport;
  close(): Promise<void>;
}

type Stop = () => Promise<void>;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 15_000;

export function createPokeHub(database: () => Promise<Database>): PokeHub {
  const listeners = new Map<string, Set<PokeListener>>();
  let state: PokeTransport = "starting";
  let started: Promise<Stop> | null = null;

  const deliver = (userId: string) => {
    for (const listener of listeners.get(userId) ?? []) {
      try {
        listener();
      } catch (error) {
        logger.error({ err: error }, "a poke listener failed");
      }
    }
  };
  const deliverAll = () => [...listeners.keys()].forEach(deliver);
  const setState = (next: PokeTransport) => (state = next);

  const start = async (): Promise<Stop> => {
    try {
      return await listenOn(await database(), { deliver, deliverAll, setState });
    } catch (error) {
      logger.warn({ err: error }, "sync pokes: LISTEN is not available, pokes stay in this process");
      setState("local");
      return async () => {};
    }
  };

  return {
    subscribe(userId, listener) {
      started ??= start();
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
      };
    },
    pokeLocally(userId) {
      if (state !== "listen") deliver(userId);
    },
    transport: () => state,
    async close() {
      listeners.clear();
      const stop = started;
      started = null;
      if (stop) await (await stop)();
    },
  };
}

interface Sink {
  deliver(userId: string): void;
  deliverAll(): void;
  setState(state: PokeTransport): void;
}

async function listenOn(db: Database, sink: Sink): Promise<Stop> {
  const kind = driverOf(db)?.kind;
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === "pglite-dir" || kind === "pglite-memory") {
    const unlisten = await (client as PGlite).listen(SYNC_POKE_CHANNEL, (payload) => sink.deliver(payload));
    sink.setState("listen");
    return async () => {
      sink.setState("local");
      await unlisten().catch(() => {});
    };
  }
  if (kind === "postgres") return listenOnPostgres((client as Pool).options.connectionString!, sink);
  sink.setState("local");
  return async () => {};
}

/** One dedicated connection doing LISTEN; when it drops, reconnects with doubling backoff. */
async function listenOnPostgres(connectionString: string, sink: Sink): Promise<Stop> {
  const pg = (await import("pg")).default;
  let stopped = false;
  let current: Client | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = RECONNECT_MIN_MS;

  const connect = async (isRetry: boolean) => {
    const client = new pg.Client({ connectionString });
    let dropped = false;
    const onDrop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      current = null;
      sink.setState("local");
      if (stopped) return;
      if (error) logger.warn({ err: error }, "sync pokes: the LISTEN connection dropped; reconnecting");
      void client.end().catch(() => {});
      timer = setTimeout(() => void connect(true).catch(() => {}), delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };
    client.on("error", onDrop);
    client.on("end", () => onDrop());
    client.on("notification", (message) => {
      if (message.channel === SYNC_POKE_CHANNEL && message.payload) sink.deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${SYNC_POKE_CHANNEL}`);
    } catch (error) {
      onDrop(error as Error);
      return;
    }
    if (stopped) return void (await client.end().catch(() => {}));
    current = client;
    delay = RECONNECT_MIN_MS;
    sink.setState("listen");
    // Commits made while it was down sent notifications nobody heard.
    if (isRetry) sink.deliverAll();
  };

  // Not reachable now: pokeLocally delivers meanwhile, and the retries go on until it is.
  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    sink.setState("local");
    await current?.end().catch(() => {});
    current = null;
  };
}

// One hub per process, on globalThis: Next may load this module twice (see STACK-NOTES).
const hubKey = Symbol.for("biosync.sync.pokes");
type GlobalWithHub = typeof globalThis & { [hubKey]?: PokeHub };
function processHub(): PokeHub {
  const g = globalThis as GlobalWithHub;
  return (g[hubKey] ??= createPokeHub(getDb));
}

/** Calls `listener` on each poke of `userId` in this process; returns the unsubscribe function. */
export function subscribePokes(userId: string, listener: PokeListener): () => void {
  return processHub().subscribe(userId, listener);
}

/** After a commit, pokes `userId`'s subscribers here when no LISTEN delivers it (Neon, LISTEN down). */
export function pokeLocally(userId: string): void {
  processHub().pokeLocally(userId);
}
