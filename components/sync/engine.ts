import { formatHlc, parseHlc, receive, tick, type Hlc } from "@/server/sync/hlc";
import { mutationDef } from "@/server/sync/mutations";
import { MAX_PUSH_MUTATIONS, type PullInput, type PullResult, type PushInput, type PushResult } from "@/server/sync/protocol";
import { readMeta, type SyncStore } from "./store";
import { browserOnline, watchTriggers } from "./triggers";
import { locateRow, viewOf } from "./view";

export interface SyncTransport {
  push(input: PushInput): Promise<PushResult>;
  pull(input: PullInput): Promise<PullResult>;
}

export interface SyncStatus {
  state: "synced" | "syncing" | "offline" | "error";
  /** Mutations in the outbox. */
  pending: number;
  error: string | null;
  /** ISO time of the last pull that reached the server. */
  lastSyncedAt: string | null;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: SyncStore;
  transport: SyncTransport;
  clientGroupId: string;
  deviceLabel?: string;
  timers?: Timers;
  /** 0 ≤ x < 1, for the backoff's jitter. */
  random?: () => number;
  /** Listen to the browser (focus, online, pokes, the minute interval). Default: when there is a window. */
  browserTriggers?: boolean;
}

export const PUSH_DELAY_MS = 250;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** Rows a deleted row takes with it on the client (the server's foreign keys cascade without tombstones of their own). */
const LOCAL_CASCADES: Record<string, { table: string; column: string }[]> = {
  journal_entries: [{ table: "journal_entry_tags", column: "entry_id" }],
};

/** The HTTP status a transport error carries (tRPC's `data.httpStatus`), or undefined for a network failure. */
const httpStatusOf = (error: unknown): number | undefined => {
  const e = error as { data?: { httpStatus?: unknown }; status?: unknown } | null;
  const status = e?.data?.httpStatus ?? e?.status;
  return typeof status === "number" ? status : undefined;
};
const retryable = (status: number | undefined) => status === undefined || status >= 500 || status === 429;

/** The server clock as a hybrid logical clock (an ISO time is taken as a clock with no counter). */
const serverClock = (serverTime: string): Hlc | null => {
  try {
    return parseHlc(serverTime);
  } catch {
    const wall = Date.parse(serverTime);
    return Number.isNaN(wall) ? null : { wall, counter: 0, node: "server" };
  }
};

/** This device's view of these tables (stored rows overlaid by the outbox), by table. */
async function localRowsOf(db: SyncStore, tables: readonly string[], outbox: Parameters<typeof viewOf>[2]) {
  const stored = tables.length ? await db.rows.where("table").anyOf([...tables]).toArray() : [];
  return (table: string) => viewOf(table, stored.filter((r) => r.table === table).map((r) => r.row), outbox);
}

const defaultTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * The client side of sync: an outbox of mutations applied optimistically, pushed (debounced, retried
 * with backoff) and confirmed by pulls that bring the server's rows in.
 */
export class SyncEngine {
  readonly db: SyncStore;
  private readonly transport: SyncTransport;
  private readonly clientGroupId: string;
  private readonly deviceLabel: string | undefined;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly browserTriggers: boolean;
  private status: SyncStatus = { state: "syncing", pending: 0, error: null, lastSyncedAt: null };
  private readonly listeners = new Set<() => void>();
  private wantPush = false;
  private wantPull = false;
  private loop: Promise<void> | null = null;
  private pushTimer: unknown = null;
  private retryTimer: unknown = null;
  private failures = 0;
  private networkDown = false;
  private fatal: string | null = null;
  private rejection: string | null = null;
  private started = false;
  private detach: () => void = () => {};

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.clientGroupId = options.clientGroupId;
    this.deviceLabel = options.deviceLabel;
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    this.browserTriggers = options.browserTriggers ?? typeof window !== "undefined";
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.browserTriggers) {
      this.detach = watchTriggers({ pull: () => this.requestPull(), online: () => this.retryNow(), offline: () => void this.refreshStatus() });
    }
    void readMeta(this.db).then((meta) => {
      this.status = { ...this.status, lastSyncedAt: meta.lastPulledAt };
      this.wantPush = true;
      this.requestPull();
    });
  }

  stop(): void {
    this.started = false;
    this.detach();
    this.detach = () => {};
    this.timers.clear(this.pushTimer);
    this.timers.clear(this.retryTimer);
    this.pushTimer = this.retryTimer = null;
  }

  /** Validates (throws the ZodError), applies locally at once and queues the mutation for the server. */
  async mutate(name: string, args: unknown): Promise<void> {
    const def = mutationDef(name);
    if (!def) throw new Error(`Unknown sync mutation: ${name}`);
    const parsed = def.args.parse(args);
    const { db } = this;
    await db.transaction("rw", [db.rows, db.outbox, db.meta], async () => {
      const meta = await readMeta(db);
      const [stored, outbox] = await Promise.all([db.rows.where("table").equals(def.table).toArray(), db.outbox.orderBy("id").toArray()]);
      const row = locateRow(
        viewOf(def.table, stored.map((r) => r.row), outbox),
        def.locate(parsed),
      );
      const seen = row && def.local ? { ...def.local.fields(row, await localRowsOf(db, def.local.tables, outbox)), ...row } : row;
      const base = seen ? Object.fromEntries(Object.keys(def.fields(parsed)).filter((f) => f in seen).map((f) => [f, seen[f]])) : null;
      const timestamp = formatHlc(tick(parseHlc(meta.hlc)));
      await db.outbox.add({ name, args: parsed, timestamp, base });
      await db.meta.update("state", { hlc: timestamp });
    });
    this.rejection = null;
    await this.refreshStatus();
    if (this.pushTimer === null && this.started) {
      this.pushTimer = this.timers.set(() => {
        this.pushTimer = null;
        this.requestPush();
      }, PUSH_DELAY_MS);
    }
  }

  requestPush(): Promise<void> {
    this.wantPush = true;
    return this.kick();
  }

  requestPull(): Promise<void> {
    this.wantPull = true;
    return this.kick();
  }

  /** Resolves when nothing runs (or a retry waits). */
  whenIdle(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  /** The network is back: retry now rather than at the end of the backoff. */
  retryNow(): void {
    this.timers.clear(this.retryTimer);
    this.retryTimer = null;
    this.failures = 0;
    this.wantPull = true;
    void this.kick();
  }

  private kick(): Promise<void> {
    if (!this.started || this.retryTimer !== null) return this.whenIdle();
    this.loop ??= this.run().finally(() => {
      this.loop = null;
      void this.refreshStatus();
    });
    return this.loop;
  }

  private async run(): Promise<void> {
    await this.refreshStatus(true);
    while (this.started && this.retryTimer === null && (this.wantPush || this.wantPull)) {
      const pushing = this.wantPush;
      if (pushing) this.wantPush = false;
      else this.wantPull = false;
      try {
        if (pushing) await this.pushOnce();
        else await this.pullOnce();
        this.failures = 0;
        this.networkDown = false;
        this.fatal = null;
      } catch (error) {
        if (pushing) this.wantPush = true;
        else this.wantPull = true;
        this.fail(error);
        return;
      }
    }
  }

  private fail(error: unknown): void {
    const status = httpStatusOf(error);
    if (!retryable(status)) {
      this.wantPush = this.wantPull = false;
      this.fatal = error instanceof Error ? error.message : String(error);
      return;
    }
    this.networkDown = status === undefined;
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    this.retryTimer = this.timers.set(
      () => {
        this.retryTimer = null;
        void this.kick();
      },
      Math.round(delay * (0.75 + this.random() * 0.5)),
    );
  }

  private async pushOnce(): Promise<void> {
    const { db } = this;
    const meta = await readMeta(db);
    const batch = await db.outbox.orderBy("id").limit(MAX_PUSH_MUTATIONS + 1).toArray();
    const mutations = batch.slice(0, MAX_PUSH_MUTATIONS).filter((m) => m.id > meta.lastMutationId);
    if (mutations.length === 0) return;
    const result = await this.transport.push({
      clientGroupId: this.clientGroupId,
      clientId: meta.clientId,
      ...(this.deviceLabel ? { deviceLabel: this.deviceLabel } : {}),
      mutations: mutations.map(({ id, name, args, timestamp, base }) => ({ id, name, args, timestamp, base })),
    });
    if (result.rejected.length > 0) {
      await db.outbox.bulkDelete(result.rejected.map((r) => r.id));
      this.rejection = result.rejected.at(-1)!.message;
    }
    if (batch.length > MAX_PUSH_MUTATIONS) this.wantPush = true;
    this.wantPull = true;
  }

  private async pullOnce(): Promise<void> {
    const { db } = this;
    for (;;) {
      const meta = await readMeta(db);
      const result = await this.transport.pull({ clientGroupId: this.clientGroupId, cookie: meta.cookie });
      if (result.reset) {
        if (meta.cookie === null) throw new Error("The server asked to reset a copy that is already empty.");
        await db.transaction("rw", [db.rows, db.meta], async () => {
          await db.rows.clear();
          await db.meta.update("state", { cookie: null, caughtUp: false });
        });
        continue;
      }
      await this.apply(meta.clientId, result);
      if (!result.more) return;
    }
  }

  /** A pull page and the outbox entries it confirms, in one transaction: an optimistic value never flickers. */
  private async apply(clientId: string, result: PullResult): Promise<void> {
    const { db } = this;
    await db.transaction("rw", [db.rows, db.outbox, db.meta], async () => {
      for (const change of result.changes) {
        if (change.op === "put") {
          await db.rows.put({ table: change.table, key: change.key, version: change.version, row: change.row });
          continue;
        }
        await db.rows.delete([change.table, change.key]);
        for (const cascade of LOCAL_CASCADES[change.table] ?? []) {
          await db.rows.where("table").equals(cascade.table).filter((r) => String(r.row[cascade.column]) === change.key).delete();
        }
      }
      const meta = await readMeta(db);
      const lastMutationId = Math.max(meta.lastMutationId, result.lastMutationIds[clientId] ?? 0);
      await db.outbox.where("id").belowOrEqual(lastMutationId).delete();
      const remote = serverClock(result.serverTime);
      const hlc = remote ? formatHlc(receive(parseHlc(meta.hlc), remote)) : meta.hlc;
      await db.meta.update("state", { cookie: result.cookie, lastMutationId, hlc, lastPulledAt: new Date().toISOString(), caughtUp: meta.caughtUp === true || !result.more });
    });
  }

  private async refreshStatus(running = this.loop !== null): Promise<void> {
    const [pending, meta] = await Promise.all([this.db.outbox.count(), readMeta(this.db)]);
    const error = this.fatal ?? this.rejection;
    const offline = !browserOnline() || this.networkDown;
    const state = this.fatal || this.rejection ? "error" : offline ? "offline" : running || pending > 0 ? "syncing" : "synced";
    const next: SyncStatus = { state, pending, error, lastSyncedAt: meta.lastPulledAt };
    const same = (Object.keys(next) as (keyof SyncStatus)[]).every((k) => next[k] === this.status[k]);
    if (same) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}
