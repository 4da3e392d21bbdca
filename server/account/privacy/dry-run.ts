import { count, getTableName, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
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
  // One statement for every table (a count each, in registry order), not one round trip per table.
  const [first, second, ...rest] = userDataTables.map((entry, index) =>
    db.select({ index: sql<number>`${index}::int`.as("index"), n: count().as("n") }).from(entry.table).where(ownedBy(db, entry, userId)),
  );
  if (!first || !second) throw new Error("The registry lists fewer than two tables");
  const counts = new Map((await unionAll(first, second, ...rest)).map((row) => [Number(row.index), Number(row.n)]));
  const tables: ErasureTable[] = userDataTables.map((entry, index) => ({ table: getTableName(entry.table), rows: counts.get(index) ?? 0, erase: entry.erase }));
  const files = (await fileStorage().list(userPrefix(userId))).length;
  const sum = (list: ErasureTable[]) => list.reduce((total, t) => total + t.rows, 0);
  return {
    tables,
    deletedRows: sum(tables.filter((t) => t.erase !== "detach")),
    detachedRows: sum(tables.filter((t) => t.erase === "detach")),
    files,
  };
}
