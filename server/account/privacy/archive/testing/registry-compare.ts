import { getTableName, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { expect } from "vitest";
import type { Database } from "@/db";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";
import { decryptSecret } from "@/server/platform/crypto";
import { stableJson } from "@/server/security/testing/registry-rows";
import { ownedBy } from "../table-walk";
import { remappedId } from "../import-plan";
import { archiveColumns } from "../columns";

type Row = Record<string, unknown>;

/** A user's rows of a table exactly as Postgres renders them (microseconds, bytea hex, JSON as stored). */
async function exactRows(db: Database, entry: UserDataTable, userId: string): Promise<Row[]> {
  const rows = await db.select({ row: sql<Row>`to_jsonb(${entry.table})` }).from(entry.table).where(ownedBy(db, entry, userId));
  const archived = new Set(archiveColumns(entry).map((c) => c.sqlName));
  return rows.map(({ row }) => Object.fromEntries(Object.entries(row).filter(([k]) => archived.has(k))));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Compares, for every registry table an archive imports (of `tables`), the first user's rows with the second's,
 * row by row. The expected ids are worked out from the values, not from the importer's foreign-key
 * plan: a uuid that is the key of one of the first user's rows in table T becomes T's new id for
 * that row (or null when T is not imported), the first user's id becomes the second's. A table
 * the first user has rows in but nothing compared fails.
 */
export async function expectEqualAfterImport(db: Database, from: string, to: string, tables: readonly UserDataTable[] = userDataTables): Promise<{ tables: number; rows: number }> {
  const keysOf = new Map<string, { table: string; imported: boolean }>();
  for (const entry of userDataTables) {
    const key = getTableConfig(entry.table).columns.filter((c) => c.primary);
    if (key.length !== 1 || key[0]!.getSQLType() !== "uuid" || entry.table === userDataTables[0]!.table) continue;
    for (const row of await exactRows(db, entry, from)) keysOf.set(row[key[0]!.name] as string, { table: getTableName(entry.table), imported: entry.import === "rows" && tables.includes(entry) });
  }
  const expectValue = (value: unknown): unknown => {
    if (typeof value !== "string" || !UUID.test(value)) return value;
    if (value === from) return to;
    const key = keysOf.get(value);
    if (!key) return value;
    return key.imported ? remappedId(to, key.table, value) : null;
  };
  let compared = 0;
  let rows = 0;
  for (const entry of tables.filter((e) => e.import !== "none")) {
    const name = getTableName(entry.table);
    const before = await exactRows(db, entry, from);
    const after = await exactRows(db, entry, to);
    expect(before.length, `${name}: the exporting user has rows`).toBeGreaterThan(0);
    const rule = entry.import;
    const columns = typeof rule === "object" ? rule.update.map((c) => c.name) : Object.keys(before[0]!);
    // An encrypted column is written again on import under a fresh IV: what it holds is compared.
    const plain = (column: string, value: unknown) => (column.endsWith("_enc") && typeof value === "string" ? decryptSecret(value) : value);
    const pick = (row: Row, map: (v: unknown) => unknown) => Object.fromEntries(columns.map((c) => [c, map(plain(c, row[c] ?? null))]));
    const expected = before.map((row) => stableJson(pick(row, expectValue))).sort();
    const actual = after.map((row) => stableJson(pick(row, (v) => v))).sort();
    // A short account of the difference: the first rows missing and the first rows not expected.
    const missing = expected.filter((row) => !actual.includes(row));
    const extra = actual.filter((row) => !expected.includes(row));
    expect({ table: name, rows: actual.length, missing: missing.slice(0, 2), extra: extra.slice(0, 2) }).toEqual({ table: name, rows: expected.length, missing: [], extra: [] });
    compared++;
    rows += actual.length;
  }
  return { tables: compared, rows };
}
