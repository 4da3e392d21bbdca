import { sql, type SQL } from "drizzle-orm";
import { bigint, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

/** `column in ('a', 'b')` with the values inlined, as a partial index's predicate needs them (no parameters). */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

/**
 * The columns a synced table adds (registry `sync: true`): the per-user version its last write
 * took, and when that was. Both are stamped by the sync trigger (db/sync-triggers.ts) on every write.
 */
export const syncColumns = () => ({
  version: bigint("version", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
