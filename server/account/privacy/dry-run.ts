import { count, getTableName } from "drizzle-orm";
import type { Database } from "@/db";
import { userDataTables, type EraseRule } from "@/db/schema/registry";
import { fileStorage, userPrefix } from "../../platform/storage";
import { ownedBy } from "./owned-rows";

export interface ErasureTable {
  table: string;
  rows: number;
  /** "detach": kept as a security record, no longer linked to the account; otherwise deleted. */
  erase: EraseRule;
}

export interface ErasurePlan {
  tables: ErasureTable[];
  /** Rows deleted (every table but the detached ones). */
  deletedRows: number;
  detachedRows: number;
  files: number;
}

/** What erasing the account would remove: the user's rows in every registry table, and their stored files. */
export async function erasurePlan(db: Database, userId: string): Promise<ErasurePlan> {
  const tables: ErasureTable[] = [];
  for (const entry of userDataTables) {
    const [row] = await db.select({ n: count() }).from(entry.table).where(ownedBy(db, entry, userId));
    tables.push({ table: getTableName(entry.table), rows: row?.n ?? 0, erase: entry.erase });
  }
  const files = (await fileStorage().list(userPrefix(userId))).length;
  const sum = (list: ErasureTable[]) => list.reduce((total, t) => total + t.rows, 0);
  return {
    tables,
    deletedRows: sum(tables.filter((t) => t.erase !== "detach")),
    detachedRows: sum(tables.filter((t) => t.erase === "detach")),
    files,
  };
}
