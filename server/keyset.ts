import { desc, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { decodeCursor } from "./pagination";

// Postgres keeps microseconds but a cursor carries a JS Date (milliseconds): ordering and
// comparing on the millisecond-truncated time keeps pages from skipping or repeating rows.
const toMs = (column: PgColumn) => sql`date_trunc('milliseconds', ${column})`;

/** Rows after `cursor` in newest-first (time, id) order; undefined for the first page. */
export function afterCursor(time: PgColumn, id: PgColumn, cursor: string | null | undefined): SQL | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  return sql`(${toMs(time)}, ${id}) < (${position.at.toISOString()}::timestamptz, ${position.id}::uuid)`;
}

/** The newest-first order that matches `afterCursor`. */
export function newestFirst(time: PgColumn, id: PgColumn): SQL[] {
  return [desc(toMs(time)), desc(id)];
}
