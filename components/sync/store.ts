import Dexie, { type Table } from "dexie";
import type { SyncRow } from "@/server/sync/protocol";
import { randomId } from "./ids";

/** A server row as last pulled. */
export interface StoredRow {
  table: string;
  key: string;
  version: number;
  row: SyncRow;
}

/** A mutation waiting for the server: `id` is its mutation id (per client, increasing). */
export interface OutboxEntry {
  id: number;
  name: string;
  args: unknown;
  /** The hybrid logical clock when the user made the change. */
  timestamp: string;
  base: Record<string, unknown> | null;
}

/** The one state record of a user's copy. */
export interface SyncMeta {
  id: "state";
  clientId: string;
  cookie: string | null;
  hlc: string;
  /** The last mutation id of this client the server has run (or rejected). */
  lastMutationId: number;
  lastPulledAt: string | null;
  lastError: string | null;
  /** A pull has run to its last page: the copy holds the account's rows (absent in copies made before it was kept). */
  caughtUp?: boolean;
}

/** Whether the copy holds the account's rows, not the empty start of a first sync. */
export const caughtUp = (meta: SyncMeta | undefined): boolean => Boolean(meta && (meta.caughtUp ?? meta.cookie !== null));

export type SyncStore = Dexie & {
  rows: Table<StoredRow, [string, string]>;
  outbox: Table<OutboxEntry, number, Omit<OutboxEntry, "id">>;
  meta: Table<SyncMeta, "state">;
};

export const syncDbName = (userId: string) => `biosync-sync-${userId}`;

/** The local copy of a signed-in user's synced data (one IndexedDB per user and browser). */
export function openSyncStore(userId: string): SyncStore {
  const db = new Dexie(syncDbName(userId)) as SyncStore;
  db.version(1).stores({ rows: "[table+key], table", outbox: "++id", meta: "id" });
  return db;
}

/** The state record, created on first use (with this copy's client id). */
export async function readMeta(db: SyncStore): Promise<SyncMeta> {
  return db.transaction("rw", db.meta, async () => {
    const found = await db.meta.get("state");
    if (found) return found;
    const clientId = randomId();
    const meta: SyncMeta = { id: "state", clientId, cookie: null, hlc: `${"0".repeat(15)}:0000:${clientId}`, lastMutationId: 0, lastPulledAt: null, lastError: null };
    await db.meta.put(meta);
    return meta;
  });
}

/** Drops a user's local copy (sign-out on a shared computer); an open connection is closed by Dexie first. */
export async function deleteSyncStore(userId: string): Promise<void> {
  await Dexie.delete(syncDbName(userId));
}
