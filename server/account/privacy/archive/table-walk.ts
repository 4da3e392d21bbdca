import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";
import { decryptSecret } from "@/server/platform/crypto";
import { archiveColumns, primaryKeyColumns, tableNameOf, type ArchiveColumn } from "./columns";

export type ArchiveRow = Record<string, unknown>;

/** Rows per query: a day chunk of minute heart rate is ~30 kB, a raw payload can be more. */
const PAGE_ROWS = 200;

/** The parent's key that a table owned through a parent references with its owner column. */
function parentKey(entry: UserDataTable): PgColumn {
  const fk = getTableConfig(entry.table).foreignKeys.find((f) => f.reference().columns[0] === entry.owner);
  if (!fk) throw new Error(`${tableNameOf(entry)}: the owner column has no foreign key`);
  return fk.reference().foreignColumns[0]!;
}

/** The rows of `userId`: by owner column, or (owned through a parent) by the keys of the user's parent rows. */
export function ownedBy(db: Database, entry: UserDataTable, userId: string): SQL {
  if (!entry.ownedThrough) return eq(entry.owner, userId);
  const parent = userDataTables.find((e) => e.table === entry.ownedThrough);
  if (!parent) throw new Error(`${tableNameOf(entry)}: its parent table is not registered`);
  return inArray(entry.owner, db.select({ key: parentKey(entry) }).from(parent.table).where(ownedBy(db, parent, userId)));
}

/** A row as Postgres rendered it (`to_jsonb`), as the archive holds it: its archive columns, encrypted ones decrypted. */
export function archiveRowOf(row: ArchiveRow, columns: readonly ArchiveColumn[]): ArchiveRow {
  const out: ArchiveRow = {};
  for (const c of columns) {
    const value = row[c.sqlName] ?? null;
    out[c.field] = c.encrypted && typeof value === "string" ? decryptSecret(value) : value;
  }
  return out;
}

/**
 * The user's rows of one table as the archive holds them, a page at a time in key order (bounded
 * memory for any table size). Postgres renders each row (`to_jsonb`): timestamps keep their
 * microseconds, bytea is hex text, jsonb stays JSON, arrays are arrays; the import turns them back
 * with `jsonb_populate_recordset`, so no type goes through a JavaScript conversion either way.
 */
export async function* archiveRowPages(db: Database, entry: UserDataTable, userId: string): AsyncGenerator<ArchiveRow[]> {
  const columns = archiveColumns(entry);
  const key = primaryKeyColumns(entry.table);
  let last: ArchiveRow | null = null;
  for (;;) {
    const after: SQL | undefined = last
      ? sql`(${sql.join(key, sql`, `)}) > (${sql.join(
          key.map((c) => sql`${last![c.name]}::${sql.raw(c.getSQLType())}`),
          sql`, `,
        )})`
      : undefined;
    const page = await db
      .select({ row: sql<ArchiveRow>`to_jsonb(${entry.table})` })
      .from(entry.table)
      .where(and(ownedBy(db, entry, userId), after))
      .orderBy(...key)
      .limit(PAGE_ROWS);
    if (page.length === 0) return;
    last = page[page.length - 1]!.row;
    yield page.map(({ row }) => archiveRowOf(row, columns));
    if (page.length < PAGE_ROWS) return;
  }
}
