import { eq, getTableName, inArray, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";

/** The column of the parent table that `entry.owner` references (tables owned through a parent row). */
function parentKey(entry: UserDataTable): PgColumn {
  const fk = getTableConfig(entry.table).foreignKeys.find((f) => f.reference().columns[0] === entry.owner);
  const key = fk?.reference().foreignColumns[0];
  if (!key) throw new Error(`${getTableName(entry.table)}: the owner column has no foreign key`);
  return key;
}

/** The condition that selects the user's rows of a registered table, through its parent when it has one. */
export function ownedBy(db: Database, entry: UserDataTable, userId: string): SQL {
  if (!entry.ownedThrough) return eq(entry.owner, userId);
  const parent = userDataTables.find((e) => e.table === entry.ownedThrough);
  if (!parent) throw new Error(`${getTableName(entry.table)} is owned through an unregistered table`);
  return inArray(entry.owner, db.select({ key: parentKey(entry) }).from(parent.table).where(ownedBy(db, parent, userId)));
}
