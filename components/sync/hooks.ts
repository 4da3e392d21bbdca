"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useContext, useSyncExternalStore } from "react";
import type { MutationArgs, MutationName } from "@/server/sync/mutations";
import type { SyncRow } from "@/server/sync/protocol";
import { SyncContext } from "./context";
import type { SyncEngine, SyncStatus } from "./engine";
import { viewOf } from "./view";

/** A mutation waiting to be sent, for "what waits to be sent". */
export interface PendingMutationView {
  id: number;
  name: string;
  /** Hybrid logical clock string; its first 15 digits are epoch milliseconds. */
  timestamp: string;
}

const requireEngine = (engine: SyncEngine | null): SyncEngine => {
  if (!engine) throw new Error("Sync is not running here (outside a SyncProvider, or before the page has loaded).");
  return engine;
};

/** The local view of a synced table (server rows overlaid by the outbox), live; undefined while loading. */
export function useSyncedRows(table: string): SyncRow[] | undefined {
  const engine = useContext(SyncContext);
  return useLiveQuery(async () => {
    if (!engine) return undefined;
    const { db } = engine;
    return db.transaction("r", [db.rows, db.outbox], async () => {
      const [rows, outbox] = await Promise.all([db.rows.where("table").equals(table).toArray(), db.outbox.orderBy("id").toArray()]);
      return viewOf(table, rows.map((r) => r.row), outbox);
    });
  }, [engine, table]);
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
    return outbox.map(({ id, name, timestamp }) => ({ id, name, timestamp }));
  }, [engine]);
}
