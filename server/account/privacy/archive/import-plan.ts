import { getTableName } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";
import { encryptSecret } from "@/server/platform/crypto";
import { nameBasedUuid } from "@/server/platform/name-based-uuid";
import { archiveColumns, tableNameOf, type ArchiveColumn } from "./columns";
import type { ArchiveRow } from "./table-walk";

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * The id a row's uuid key gets in the importing account: name-based, from the SHA-256 of the
 * importing user, the table and the old id (UUIDv8 layout). References need no lookup table, a
 * reference to a row the archive does not hold (a pruned raw payload) maps the same way, and two
 * accounts importing one archive get different ids.
 */
export function remappedId(userId: string, table: string, id: string): string {
  return nameBasedUuid(userId, table, id.toLowerCase());
}

/** What an import does with one column's values. */
export type ColumnRole =
  /** A user id (foreign key to users.id): the exporting user becomes the importing one. */
  | { kind: "user"; nullable: boolean }
  /** The table's own uuid key: a new id. */
  | { kind: "key" }
  /** A uuid key of another table: follows that table's new ids, or null when that table is not imported. */
  | { kind: "reference"; to: string; imported: boolean; nullable: boolean }
  | { kind: "value" };

export interface PlannedColumn extends ArchiveColumn {
  role: ColumnRole;
  /** Required on insert: not null and no default. */
  required: boolean;
}

export interface TablePlan {
  entry: UserDataTable;
  name: string;
  /** By archive field name. */
  columns: Map<string, PlannedColumn>;
  /** Tables this one references (imported ones only): they are written first. */
  dependsOn: Set<string>;
}

const registryEntry = (table: PgTable) => userDataTables.find((e) => e.table === table);

/** The roles of a table's columns, from its foreign keys (Drizzle's table config) and its unenforced references. */
export function importPlan(entry: UserDataTable): TablePlan {
  const config = getTableConfig(entry.table);
  const name = tableNameOf(entry);
  const roles = new Map<string, ColumnRole>();
  const dependsOn = new Set<string>();
  const reference = (columnName: string, target: PgTable, nullable: boolean) => {
    const targetEntry = registryEntry(target);
    const targetKey = getTableConfig(target).columns.filter((c) => c.primary);
    if (!targetEntry || targetKey.length !== 1 || targetKey[0]!.getSQLType() !== "uuid") {
      throw new Error(`${name}.${columnName}: references ${getTableName(target)}, which is not a registered table keyed by one uuid`);
    }
    const imported = targetEntry.import === "rows";
    if (imported && target !== entry.table) dependsOn.add(getTableName(target));
    roles.set(columnName, { kind: "reference", to: getTableName(target), imported, nullable });
  };
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length !== 1) throw new Error(`${name}: composite foreign keys are not supported by the archive import`);
    const column = ref.columns[0]!;
    if (ref.foreignTable === users) roles.set(column.name, { kind: "user", nullable: !column.notNull });
    else reference(column.name, ref.foreignTable, !column.notNull);
  }
  for (const soft of entry.unenforcedReferences ?? []) reference(soft.column.name, soft.to, true);
  const key = config.columns.filter((c) => c.primary);
  if (key.length === 1 && key[0]!.getSQLType() === "uuid" && !roles.has(key[0]!.name)) roles.set(key[0]!.name, { kind: "key" });
  const columns = new Map<string, PlannedColumn>();
  for (const c of archiveColumns(entry)) {
    columns.set(c.field, { ...c, role: roles.get(c.sqlName) ?? { kind: "value" }, required: c.column.notNull && !c.column.hasDefault });
  }
  return { entry, name, columns, dependsOn };
}

export interface RemapContext {
  fromUser: string;
  toUser: string;
  /** Why a value cannot be imported (becomes a 400). */
  refuse(message: string): never;
}

/** One archive row as the importing account stores it, keyed by SQL column name. */
export function remapRow(plan: TablePlan, row: ArchiveRow, context: RemapContext): ArchiveRow {
  const out: ArchiveRow = {};
  for (const [field, value] of Object.entries(row)) {
    const column = plan.columns.get(field)!;
    out[column.sqlName] = remapValue(plan, column, value, context);
  }
  return out;
}

function remapValue(plan: TablePlan, column: PlannedColumn, value: unknown, context: RemapContext): unknown {
  if (value === null) return null;
  const role = column.role;
  if (role.kind !== "value" && typeof value !== "string") context.refuse(`${plan.name}.${column.field} holds a ${typeof value} where an id belongs`);
  const id = value as string;
  switch (role.kind) {
    case "user":
      if (id === context.fromUser) return context.toUser;
      return role.nullable ? null : context.refuse(`${plan.name}.${column.field} names an account other than the one exported`);
    case "key":
      return remappedId(context.toUser, plan.name, id);
    case "reference":
      if (id === NIL_UUID) return id;
      if (role.imported) return remappedId(context.toUser, role.to, id);
      return role.nullable ? null : context.refuse(`${plan.name}.${column.field} points at ${role.to}, which is not imported`);
    case "value":
      return column.encrypted && typeof value === "string" ? encryptSecret(value) : value;
  }
}
