"use client";

import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { MutationArgs, MutationName } from "@/server/sync/mutations";
import type { SyncRow } from "@/server/sync/protocol";
import { SyncContext } from "./context";
import type { SyncStatus } from "./engine";
import type { PendingMutationView } from "./live";
import type { SyncRuntime } from "./runtime";

export type { PendingMutationView } from "./live";

const requireRuntime = (runtime: SyncRuntime | null): SyncRuntime => {
  if (!runtime) throw new Error("Sync is not running here yet (outside a SyncProvider, or before its code has loaded): try again in a moment.");
  return runtime;
};

/** The latest value a live subscription gave; undefined until its first one (and while there is none). */
function useLive<T>(subscribe: ((onChange: (value: T) => void) => () => void) | null): T | undefined {
  const [value, setValue] = useState<{ of: typeof subscribe; value: T } | undefined>(undefined);
  useEffect(() => (subscribe ? subscribe((next) => setValue({ of: subscribe, value: next })) : undefined), [subscribe]);
  return value && value.of === subscribe ? value.value : undefined;
}

/**
 * The local view of a synced table (server rows overlaid by the outbox), live; undefined while
 * loading, and during a device's first sync (its empty copy would show defaults the account does not
 * have) unless that cannot finish now (offline, or sync failed).
 */
export function useSyncedRows(table: string): SyncRow[] | undefined {
  const runtime = useContext(SyncContext);
  const status = useSyncStatus();
  const subscribe = useCallback((onChange: Parameters<SyncRuntime["watchRows"]>[1]) => runtime!.watchRows(table, onChange), [runtime, table]);
  const view = useLive(runtime ? subscribe : null);
  if (!view) return undefined;
  return view.caughtUp || status.state === "offline" || status.state === "error" ? view.rows : undefined;
}

/** Queues a mutation (applied locally at once); rejects with the ZodError when the args are invalid. */
export function useSyncMutation(): <N extends MutationName>(name: N, args: MutationArgs<N>) => Promise<void> {
  const runtime = useContext(SyncContext);
  return useCallback(<N extends MutationName>(name: N, args: MutationArgs<N>) => requireRuntime(runtime).engine.mutate(name, args), [runtime]);
}

const initialStatus: SyncStatus = { state: "syncing", pending: 0, error: null, lastSyncedAt: null };
const noSubscription = () => () => {};
const getInitialStatus = () => initialStatus;

export function useSyncStatus(): SyncStatus {
  const engine = useContext(SyncContext)?.engine;
  return useSyncExternalStore(engine?.subscribe ?? noSubscription, engine?.getStatus ?? getInitialStatus, getInitialStatus);
}

/** The outbox in send order, live; undefined while loading. */
export function usePendingMutations(): PendingMutationView[] | undefined {
  const runtime = useContext(SyncContext);
  return useLive(runtime ? runtime.watchPending : null);
}
