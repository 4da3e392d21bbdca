import { count, getTableName, is, or, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import * as schema from "@/db/schema";

/* For tests (imported only by `*.test.ts` files). */

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/**
 * Per table of the whole schema (not the registry): the rows in which any column holds `needle`,
 * as its value (a uuid column naming the user) or inside it (text, jsonb, arrays, as text).
 */
export async function rowsNaming(db: Database, needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of tables) {
    const columns = getTableConfig(table).columns;
    const [row] = await db
      .select({ n: count() })
      .from(table)
      .where(or(...columns.map((column) => sql`position(${needle} in coalesce(${column}::text, '')) > 0`)));
    if (row && row.n > 0) found[getTableName(table)] = row.n;
  }
  return found;
}

/** How many tables `rowsNaming` walks (a test checks it walks them all). */
export const schemaTableCount = tables.length;
