import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./index";
import { users } from "./auth";
import { userDataTables, type UserDataTable } from "./registry";

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const nameOf = (entry: UserDataTable) => getTableName(entry.table);

/** The foreign key leaving `column` (drizzle reports inline `.references()` here too). */
function foreignKeyOf(table: PgTable, column: PgColumn) {
  return getTableConfig(table).foreignKeys.find((fk) => {
    const ref = fk.reference();
    return ref.columns.length === 1 && ref.columns[0] === column;
  });
}

/** `user_id` and its kin (`subject_user_id`, `actor_user_id`): a column that names a user. */
const namesAUser = (name: string) => /(^|_)user_id$/.test(name);

describe("the registry of user-owned tables", () => {
  it("lists every table that has a user_id-like column, and the users table", () => {
    const owned = tables.filter((t) => t === users || getTableConfig(t).columns.some((c) => namesAUser(c.name))).map((t) => getTableName(t));
    expect(owned.length).toBeGreaterThan(15);
    const registered = new Set(userDataTables.map(nameOf));
    expect(owned.filter((name) => !registered.has(name))).toEqual([]);
  });

  it("lists each table once, with its owner and omitted columns taken from that table", () => {
    const names = userDataTables.map(nameOf);
    expect(names.length).toBe(new Set(names).size);
    for (const entry of userDataTables) {
      const columns = getTableConfig(entry.table).columns;
      for (const column of [entry.owner, ...(entry.exportOmit ?? [])]) expect(columns, `${nameOf(entry)}.${column.name}`).toContain(column);
      if (entry.exportOmit?.length) expect(entry.export, nameOf(entry)).toBe("rows");
    }
  });

  it("points every owner at a user: user_id → users.id, or through a registered parent", () => {
    const registered = new Set(userDataTables.map((e) => e.table));
    for (const entry of userDataTables) {
      if (entry.table === users) {
        expect(entry.owner).toBe(users.id);
        continue;
      }
      const target = foreignKeyOf(entry.table, entry.owner)?.reference();
      expect(target, `${nameOf(entry)} owner has a foreign key`).toBeDefined();
      if (entry.ownedThrough) {
        expect(registered.has(entry.ownedThrough), nameOf(entry)).toBe(true);
        expect(target!.foreignTable, nameOf(entry)).toBe(entry.ownedThrough);
      } else {
        expect(namesAUser(entry.owner.name), `${nameOf(entry)}.${entry.owner.name}`).toBe(true);
        expect(target!.foreignColumns, nameOf(entry)).toEqual([users.id]);
      }
    }
  });

  it('says "cascade" exactly when the owner\'s foreign key deletes the rows with their owner, "detach" only where it sets null', () => {
    for (const entry of userDataTables.filter((e) => e.table !== users)) {
      const onDelete = foreignKeyOf(entry.table, entry.owner)?.onDelete;
      if (onDelete === "cascade") expect(entry.erase, nameOf(entry)).toBe("cascade");
      else expect(entry.erase, nameOf(entry)).toBe(entry.erase === "detach" && onDelete === "set null" ? "detach" : "delete");
    }
    expect(userDataTables.find((e) => e.table === users)?.erase).toBe("delete");
  });

  it("imports from an archive only what it exports, and updates columns of the users row alone", () => {
    for (const entry of userDataTables) {
      if (entry.export === "none") expect(entry.import, nameOf(entry)).toBe("none");
      if (typeof entry.import === "object") {
        expect(entry.table, nameOf(entry)).toBe(users);
        for (const column of entry.import.update) expect(getTableConfig(users).columns).toContain(column);
      }
      for (const ref of entry.unenforcedReferences ?? []) expect(getTableConfig(entry.table).columns, nameOf(entry)).toContain(ref.column);
    }
  });

  it("syncs only tables that carry the sync columns, and says why every other table stays on the server", () => {
    for (const entry of userDataTables) {
      if (entry.sync === true) {
        const columns = getTableConfig(entry.table).columns;
        expect(columns.map((c) => c.name), nameOf(entry)).toEqual(expect.arrayContaining(["version", "updated_at"]));
        expect(columns.find((c) => c.name === "version")?.getSQLType(), nameOf(entry)).toBe("bigint");
      } else {
        expect(entry.sync.serverOnly.length, nameOf(entry)).toBeGreaterThan(20);
      }
    }
  });
});
