import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** An upsert's `set` in which each of `keys` takes the value of the row that conflicted in (`excluded.<column>`). */
export function fromIncoming<T extends PgTable, K extends keyof T["_"]["columns"] & string>(table: T, keys: readonly K[]): Record<K, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)])) as Record<K, SQL>;
}

/** `rows` in slices of at most `size`, one multi-row statement each (a statement takes at most 65,535 parameters). */
export function* slicesOf<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * `insert into <table> (<columns>) select … from jsonb_populate_recordset(…)`: the rows, keyed by SQL
 * column name, go as one jsonb parameter, where a multi-row VALUES binds (and drizzle builds) one per
 * value — for a thousand rows of a sync push that is most of the statement's time — and Postgres
 * turns each JSON value into its column's type. Append an `on conflict` clause as needed.
 */
export function insertJsonRecords(table: PgTable, columns: readonly string[], records: readonly Record<string, unknown>[]): SQL {
  const list = sql.join(
    columns.map((name) => sql.identifier(name)),
    sql`, `,
  );
  return sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)`;
}

/** insertJsonRecords of rows shaped as drizzle's inserts (property keys); values must survive JSON (a Date becomes its ISO string). */
export function insertJsonRows<T extends PgTable>(table: T, rows: readonly T["$inferInsert"][]): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] ?? {});
  const names = keys.map((key) => columns[key]!.name);
  const records = rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i], (row as Record<string, unknown>)[key] ?? null])));
  return insertJsonRecords(table, names, records);
}
