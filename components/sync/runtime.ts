import { SyncEngine, type SyncTransport } from "./engine";
import { deviceId, deviceLabel } from "./ids";
import { watchPending, watchRows, type PendingMutationView, type SyncedRowsView } from "./live";
import { openSyncStore } from "./store";

/**
 * Everything of sync that needs IndexedDB (Dexie), the mutations' schemas and the engine: loaded by
 * the SyncProvider after the page has hydrated, so none of it weighs on the first load.
 */
export interface SyncRuntime {
  engine: SyncEngine;
  watchRows(table: string, onChange: (view: SyncedRowsView) => void): () => void;
  watchPending(onChange: (pending: PendingMutationView[]) => void): () => void;
}

export function createSyncRuntime(userId: string, transport: SyncTransport): SyncRuntime {
  const engine = new SyncEngine({ db: openSyncStore(userId), transport, clientGroupId: deviceId(userId), deviceLabel: deviceLabel(navigator.userAgent) });
  return {
    engine,
    watchRows: (table, onChange) => watchRows(engine.db, table, onChange),
    watchPending: (onChange) => watchPending(engine.db, onChange),
  };
}
