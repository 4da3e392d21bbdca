import { getTableName } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";

/** A column as the archive holds it: encrypted ones (`*_enc`) decrypted under the name without the suffix. */
export interface ArchiveColumn {
  column: PgColumn;
  sqlName: string;
  field: string;
  encrypted: boolean;
}

const ENCRYPTED_SUFFIX = "_enc";

export const tableNameOf = (entry: UserDataTable) => getTableName(entry.table);

/** The registry tables an archive carries, in registry order. */
export function archivedTables(tables: readonly UserDataTable[] = userDataTables): UserDataTable[] {
  return tables.filter((entry) => entry.export === "rows");
}

/**
 * The table's columns in the archive: every column but the `exportOmit` ones (and a synced table's
 * `version`, which is sync's bookkeeping: an imported row takes a new one), in schema order.
 */
export function archiveColumns(entry: UserDataTable): ArchiveColumn[] {
  const all = getTableConfig(entry.table).columns;
  const omitted = new Set([...(entry.exportOmit ?? []), ...(entry.sync === true ? all.filter((c) => c.name === "version") : [])]);
  const names = new Set(all.map((c) => c.name));
  return all
    .filter((column) => !omitted.has(column))
    .map((column) => {
      const encrypted = column.name.endsWith(ENCRYPTED_SUFFIX);
      const field = encrypted ? column.name.slice(0, -ENCRYPTED_SUFFIX.length) : column.name;
      if (encrypted && names.has(field)) throw new Error(`${tableNameOf(entry)}.${column.name}: its plaintext name "${field}" is taken by another column`);
      return { column, sqlName: column.name, field, encrypted };
    });
}

/** The primary key's columns (a composite key's in its declared order). */
export function primaryKeyColumns(table: PgTable): PgColumn[] {
  const config = getTableConfig(table);
  // A composite key lists the extra-config stand-ins of its columns: take the table's own columns by name.
  const names = config.primaryKeys[0]?.columns.map((c) => c.name);
  const key = names ? names.map((name) => config.columns.find((c) => c.name === name)!) : config.columns.filter((c) => c.primary);
  if (key.length === 0) throw new Error(`${config.name} has no primary key to page by`);
  return key;
}
