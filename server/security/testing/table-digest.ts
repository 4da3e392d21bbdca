import { createHash } from "node:crypto";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { stableJson } from "./registry-rows";

/** Every table exported by the given schema modules. */
export function tablesOf(...modules: Record<string, unknown>[]): PgTable[] {
  return modules.flatMap((m) => Object.values(m)).filter((v): v is PgTable => is(v, PgTable));
}

/** Per table: row count and a SHA-256 over every row (in a stable order). */
export async function digestTables(db: Database, tables: PgTable[]): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of tables) {
    const rows = ((await db.select().from(table)) as unknown[]).map(stableJson).sort();
    out[getTableName(table)] = { rows: rows.length, sha256: createHash("sha256").update(rows.join("\n")).digest("hex") };
  }
  return out;
}
