import { getTableName, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./index";
import { userDataTables, type UserDataTable } from "./schema/registry";

/** The Postgres channel a committed write to a synced table notifies, with the owner's id as payload. */
export const SYNC_POKE_CHANNEL = "sync_poke";

export const syncedTables = (): UserDataTable[] => userDataTables.filter((entry) => entry.sync === true);

/** The primary key's column names, in order (a composite key's as declared). */
export function primaryKeyNames(table: PgTable): string[] {
  const config = getTableConfig(table);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  return composite ?? config.columns.filter((c) => c.primary).map((c) => c.name);
}

/**
 * How a synced table finds its owner from a row: its owner column, or (owned through a parent)
 * the parent's owner by the parent key the owner column references.
 */
function ownerLookup(entry: UserDataTable): string[] {
  if (!entry.ownedThrough) return [entry.owner.name];
  const parent = userDataTables.find((e) => e.table === entry.ownedThrough);
  const fk = getTableConfig(entry.table).foreignKeys.find((f) => f.reference().columns[0] === entry.owner);
  if (!parent || !fk) throw new Error(`${getTableName(entry.table)}: the parent it is owned through is not registered`);
  return [entry.owner.name, getTableName(parent.table), fk.reference().foreignColumns[0]!.name, parent.owner.name];
}

// One pair of generic functions; each synced table's triggers pass it where the owner and the key are.
// Arguments: owner column [, parent table, parent key, parent owner], then "--", then the key columns.
const FUNCTIONS = `
create or replace function sync_owner_of(record jsonb, args text[]) returns uuid language plpgsql stable as $$
declare owner uuid; lo int := array_lower(args, 1); -- tg_argv counts from 0
begin
  if args[lo + 1] = '--' then return (record ->> args[lo])::uuid; end if;
  execute format('select %I from %I where %I = $1', args[lo + 3], args[lo + 1], args[lo + 2]) into owner using (record ->> args[lo])::uuid;
  return owner;
end $$;

create or replace function sync_next_version(owner uuid) returns bigint language plpgsql as $$
declare v bigint;
begin
  insert into sync_counters (user_id, version) values (owner, 1)
    on conflict (user_id) do update set version = sync_counters.version + 1
    returning version into v;
  return v;
end $$;

create or replace function sync_stamp() returns trigger language plpgsql as $$
declare owner uuid;
begin
  owner := sync_owner_of(to_jsonb(new), tg_argv);
  if owner is null then return new; end if;
  -- An insert keeps the updated_at it was given (an archive's rows keep when they were written).
  new := jsonb_populate_record(new, jsonb_build_object('version', sync_next_version(owner), 'updated_at', case when tg_op = 'INSERT' then coalesce(new.updated_at, now()) else now() end));
  perform pg_notify('${SYNC_POKE_CHANNEL}', owner::text);
  return new;
end $$;

create or replace function sync_tombstone() returns trigger language plpgsql as $$
declare owner uuid; record jsonb := to_jsonb(old); key text := ''; i int; past boolean := false;
begin
  owner := sync_owner_of(record, tg_argv);
  -- A cascade from the owner's erasure (or from a deleted parent) leaves nothing to tell a device.
  if owner is null or not exists (select 1 from users where id = owner) then return old; end if;
  for i in array_lower(tg_argv, 1) .. array_upper(tg_argv, 1) loop
    if past then key := key || case when key = '' then '' else '/' end || (record ->> tg_argv[i]); end if;
    if tg_argv[i] = '--' then past := true; end if;
  end loop;
  insert into sync_tombstones (user_id, table_name, row_key, version) values (owner, tg_table_name, key, sync_next_version(owner))
    on conflict (user_id, table_name, row_key) do update set version = excluded.version, deleted_at = now();
  perform pg_notify('${SYNC_POKE_CHANNEL}', owner::text);
  return old;
end $$;
`
  .split(/(?<=end \$\$;)\n/)
  .map((statement) => statement.trim())
  .filter(Boolean);

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Installs the sync triggers on every table the registry marks `sync: true` (idempotent; run after
 * the migrations): a write takes the owner's next version and notifies the poke channel, a delete
 * leaves a tombstone. Joining sync is marking the table in the registry; nothing else is needed here.
 */
export async function installSyncTriggers(db: Database): Promise<void> {
  for (const statement of FUNCTIONS) await db.execute(sql.raw(statement));
  for (const entry of syncedTables()) {
    const name = getTableName(entry.table);
    const args = [...ownerLookup(entry), "--", ...primaryKeyNames(entry.table)].map(literal).join(", ");
    await db.execute(sql.raw(`create or replace trigger ${name}_sync_stamp before insert or update on "${name}" for each row execute function sync_stamp(${args})`));
    await db.execute(sql.raw(`create or replace trigger ${name}_sync_tombstone after delete on "${name}" for each row execute function sync_tombstone(${args})`));
  }
}
