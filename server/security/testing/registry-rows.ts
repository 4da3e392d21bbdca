import { createHash } from "node:crypto";
import { eq, getTableColumns, getTableName, inArray } from "drizzle-orm";
import { getTableConfig, type PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { serverOnly, userDataTables, type UserDataTable } from "@/db/schema/registry";

/* A user's rows in every table of the registry: for digests (did anything change?) and for harvesting ids. */

export type Row = Record<string, unknown>;
export type OwnedRows = Map<string, Row[]>;

/** The parent's column that `entry.owner` references (for tables owned through a parent row). */
function parentKey(entry: UserDataTable): PgColumn {
  const fk = getTableConfig(entry.table).foreignKeys.find((f) => f.reference().columns[0] === entry.owner);
  if (!fk) throw new Error(`${getTableName(entry.table)}: the owner column has no foreign key`);
  return fk.reference().foreignColumns[0]!;
}

async function ownerValues(db: Database, entry: UserDataTable, userId: string): Promise<unknown[]> {
  if (!entry.ownedThrough) return [userId];
  const parent = userDataTables.find((e) => e.table === entry.ownedThrough)!;
  const key = parentKey(entry);
  const parents = await db.select({ key }).from(parent.table).where(inArray(parent.owner, await ownerValues(db, parent, userId)));
  return parents.map((p) => p.key);
}

/** Every row of `userId` in every registered table, by table name, in a stable order. */
export async function rowsOwnedBy(db: Database, userId: string): Promise<OwnedRows> {
  const out: OwnedRows = new Map();
  for (const entry of userDataTables) {
    const owners = await ownerValues(db, entry, userId);
    const rows = owners.length === 0 ? [] : ((await db.select().from(entry.table).where(owners.length === 1 ? eq(entry.owner, owners[0]) : inArray(entry.owner, owners))) as Row[]);
    out.set(getTableName(entry.table), rows.map((r) => ({ json: stableJson(r), r })).sort((a, b) => a.json.localeCompare(b.json)).map((x) => x.r));
  }
  return out;
}

/** JSON with object keys sorted and bytes as hex, so equal rows give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array || (v && typeof v === "object" && (v as { type?: string }).type === "Buffer")) return Buffer.from(v as Uint8Array).toString("hex");
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b)));
    return v;
  });
}

/** The rows without sync's own bookkeeping (counters, tombstones: a write and its undoing both leave a trace there). */
export const withoutSyncBookkeeping = (rows: OwnedRows): OwnedRows =>
  new Map([...rows].filter(([table]) => userDataTables.find((e) => getTableName(e.table) === table)?.sync !== serverOnly.protocol));

/** Per table: how many rows and a SHA-256 over all of them. */
export function digest(rows: OwnedRows): Record<string, { rows: number; sha256: string }> {
  return Object.fromEntries(
    [...rows].map(([table, list]) => [table, { rows: list.length, sha256: createHash("sha256").update(list.map(stableJson).join("\n")).digest("hex") }]),
  );
}

/** Columns whose values are names from a fixed list (enums): not identifying anyone. */
function enumColumnKeys(tableName: string): Set<string> {
  const entry = userDataTables.find((e) => getTableName(e.table) === tableName)!;
  return new Set(Object.entries(getTableColumns(entry.table)).filter(([, c]) => (c as { enumValues?: unknown[] }).enumValues?.length).map(([k]) => k));
}

/**
 * Every string (and timestamp, as ISO text) held directly in a column of these rows. `perColumn`
 * keeps only the first few distinct values of each column: ids of one column are all of one kind.
 */
export function columnStrings(rows: OwnedRows, opts: { skipEnums?: boolean; skipDates?: boolean; perColumn?: number } = {}): Set<string> {
  const out = new Set<string>();
  for (const [table, list] of rows) {
    const skip = opts.skipEnums ? enumColumnKeys(table) : new Set<string>();
    const seen = new Map<string, Set<string>>();
    for (const row of list) {
      for (const [key, value] of Object.entries(row)) {
        if (skip.has(key)) continue;
        const text = typeof value === "string" ? value : value instanceof Date && !opts.skipDates ? value.toISOString() : null;
        if (text === null) continue;
        const column = seen.get(key) ?? seen.set(key, new Set()).get(key)!;
        if (opts.perColumn !== undefined && column.size >= opts.perColumn && !column.has(text)) continue;
        column.add(text);
        out.add(text);
      }
    }
  }
  return out;
}
