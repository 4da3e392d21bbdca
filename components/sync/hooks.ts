"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useContext, useSyncExternalStore } from "react";
import { mutationDef, type MutationArgs, type MutationName } from "@/server/sync/mutations";
import type { SyncRow } from "@/server/sync/protocol";
import { SyncContext } from "./context";
import type { SyncEngine, SyncStatus } from "./engine";
import { caughtUp } from "./store";
import { viewOf } from "./view";

/** A mutation waiting to be sent, for "what waits to be sent". */
export interface PendingMutationView {
  id: number;
  name: string;
  /** Which row it writes, in words ("Journal entry of 2026-12-01"). */
  row: string | null;
  /** Hybrid logical clock string; its first 15 digits are epoch milliseconds. */
  timestamp: string;
}

function rowWords(name: string, args: unknown): string | null {
  const def = mutationDef(name);
  const parsed = def?.args.safeParse(args);
  return def && parsed?.success ? def.label.row(def.locate(parsed.data)) : null;
}

const requireEngine = (engine: SyncEngine | null): SyncEngine => {
  if (!engine) throw new Error("Sync is not running here (outside a SyncProvider, or before the page has loaded).");
  return engine;
};

/**
 * The local view of a synced table (server rows overlaid by the outbox), live; undefined while
 * loading, and during a device's first sync (its empty copy would show defaults the account does not
 * have) unless that cannot finish now (offline, or sync failed).
 */
export function useSyncedRows(table: string): SyncRow[] | undefined {
  const engine = useContext(SyncContext);
  const status = useSyncStatus();
  const view = useLiveQuery(async () => {
    if (!engine) return undefined;
    const { db } = engine;
    return db.transaction("r", [db.rows, db.outbox, db.meta], async () => {
      const [rows, outbox, meta] = await Promise.all([db.rows.where("table").equals(table).toArray(), db.outbox.orderBy("id").toArray(), db.meta.get("state")]);
      return { rows: viewOf(table, rows.map((r) => r.row), outbox), caughtUp: caughtUp(meta) };
    });
  }, [engine, table]);
  if (!view) return undefined;
  return view.caughtUp || status.state === "offline" || status.state === "error" ? view.rows : undefined;
}

/** Queues a mutation (applied locally at once); rejects with the ZodError when the args are invalid. */
export function useSyncMutation(): <N extends MutationName>(name: N, args: MutationArgs<N>) => Promise<void> {
  const engine = useContext(SyncContext);
  return useCallback(<N extends MutationName>(name: N, args: MutationArgs<N>) => requireEngine(engine).mutate(name, args), [engine]);
}

const initialStatus: SyncStatus = { state: "syncing", pending: 0, error: null, lastSyncedAt: null };
const noSubscription = () => () => {};

export function useSyncStatus(): SyncStatus {
  const engine = useContext(SyncContext);
  return useSyncExternalStore(engine?.subscribe ?? noSubscription, engine?.getStatus ?? (() => initialStatus), () => initialStatus);
}

/** The outbox in send order, live; undefined while loading. */
export function usePendingMutations(): PendingMutationView[] | undefined {
  const engine = useContext(SyncContext);
  return useLiveQuery(async () => {
    if (!engine) return undefined;
    const outbox = await engine.db.outbox.orderBy("id").toArray();
    return outbox.map(({ id, name, args, timestamp }) => ({ id, name, row: rowWords(name, args), timestamp }));
  }, [engine]);
}
