import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { syncFieldClocks } from "@/db/schema/sync";
import { insertJsonRows } from "@/db/upsert";
import type { FieldClock } from "./merge";

const clockKey = (rowKey: string, field: string) => `${rowKey}\u0000${field}`;

/** The clocks of the fields of these rows of a table, by row key and field. */
export async function loadFieldClocks(db: Database, userId: string, table: string, rowKeys: readonly string[]) {
  const rows = rowKeys.length
    ? await db
        .select()
        .from(syncFieldClocks)
        .where(and(eq(syncFieldClocks.userId, userId), eq(syncFieldClocks.tableName, table), inArray(syncFieldClocks.rowKey, [...rowKeys])))
    : [];
  const clocks = new Map(rows.map((r) => [clockKey(r.rowKey, r.field), { hlc: r.hlc, clientGroupId: r.clientGroupId } satisfies FieldClock]));
  return (rowKey: string, field: string): FieldClock | undefined => clocks.get(clockKey(rowKey, field));
}

export async function saveFieldClocks(db: Database, userId: string, table: string, clocks: readonly { rowKey: string; field: string; clock: FieldClock }[]): Promise<void> {
  if (clocks.length === 0) return;
  const rows = clocks.map((c) => ({ userId, tableName: table, rowKey: c.rowKey, field: c.field, hlc: c.clock.hlc, clientGroupId: c.clock.clientGroupId }));
  await db.execute(sql`${insertJsonRows(syncFieldClocks, rows)} on conflict (user_id, table_name, row_key, field) do update set hlc = excluded.hlc, client_group_id = excluded.client_group_id`);
}
