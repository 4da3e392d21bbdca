import { liveQuery } from "dexie";
import { mutationDef } from "@/server/sync/mutations";
import type { SyncRow } from "@/server/sync/protocol";
import { caughtUp, type SyncStore } from "./store";
import { viewOf } from "./view";

/** A synced table as this device shows it, and whether the copy holds the account's rows yet. */
export interface SyncedRowsView {
  rows: SyncRow[];
  caughtUp: boolean;
}

/** A mutation waiting to be sent, for "what waits to be sent". */
export interface PendingMutationView {
  id: number;
  name: string;
  /** Which row it writes, in words ("Journal entry of 2026-12-01"). */
  row: string | null;
  /** Hybrid logical clock string; its first 15 digits are epoch milliseconds. */
  timestamp: string;
}

/** Runs `query` now and again whenever what it read changes; returns the unsubscribe. */
function watch<T>(query: () => Promise<T>, onChange: (value: T) => void): () => void {
  // A failed read leaves the last value (the page keeps its loading state); the next change retries.
  const subscription = liveQuery(query).subscribe({ next: onChange, error: () => undefined });
  return () => subscription.unsubscribe();
}

/** The local view of a synced table (server rows overlaid by the outbox), live. */
export function watchRows(db: SyncStore, table: string, onChange: (view: SyncedRowsView) => void): () => void {
  return watch(
    () =>
      db.transaction("r", [db.rows, db.outbox, db.meta], async () => {
        const [rows, outbox, meta] = await Promise.all([db.rows.where("table").equals(table).toArray(), db.outbox.orderBy("id").toArray(), db.meta.get("state")]);
        return { rows: viewOf(table, rows.map((r) => r.row), outbox), caughtUp: caughtUp(meta) };
      }),
    onChange,
  );
}

function rowWords(name: string, args: unknown): string | null {
  const def = mutationDef(name);
  const parsed = def?.args.safeParse(args);
  return def && parsed?.success ? def.label.row(def.locate(parsed.data)) : null;
}

/** The outbox in send order, live. */
export function watchPending(db: SyncStore, onChange: (pending: PendingMutationView[]) => void): () => void {
  return watch(async () => (await db.outbox.orderBy("id").toArray()).map(({ id, name, args, timestamp }) => ({ id, name, row: rowWords(name, args), timestamp })), onChange);
}
