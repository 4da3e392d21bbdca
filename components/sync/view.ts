import { mutationDef } from "@/server/sync/mutations";
import type { SyncRow } from "@/server/sync/protocol";
import { sameValue } from "@/server/sync/define";

/** A mutation as the view needs it. */
export interface PendingMutation {
  name: string;
  args: unknown;
}

const matches = (row: SyncRow, locator: Record<string, unknown>) => Object.entries(locator).every(([column, value]) => sameValue(row[column], value));

/** The first row `locator` finds ({} finds the table's one row). */
export const locateRow = (rows: readonly SyncRow[], locator: Record<string, unknown>): SyncRow | undefined => rows.find((row) => matches(row, locator));

/**
 * The local view of `table`: its server rows overlaid by the pending mutations in order. A row a
 * pending mutation wrote (or created) carries `_pending: true`; a deleted one is left out.
 */
export function viewOf(table: string, rows: readonly SyncRow[], pending: readonly PendingMutation[]): SyncRow[] {
  let view = [...rows];
  for (const mutation of pending) {
    const def = mutationDef(mutation.name);
    if (!def || def.table !== table) continue;
    const locator = def.locate(mutation.args);
    if (def.kind === "delete") {
      view = view.filter((row) => !matches(row, locator));
      continue;
    }
    const fields = def.fields(mutation.args);
    const columns = def.toRow?.(fields) ?? fields;
    const index = view.findIndex((row) => matches(row, locator));
    if (index >= 0) {
      view[index] = { ...view[index], ...columns, _pending: true };
    } else {
      const id = (mutation.args as { id?: unknown } | null)?.id;
      view.push({ ...locator, ...(id === undefined ? {} : { id }), ...columns, _pending: true });
    }
  }
  return view;
}
