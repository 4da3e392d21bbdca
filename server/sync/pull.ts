import { and, asc, eq, getTableName, gt, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { syncTombstones } from "@/db/schema/sync";
import { primaryKeyNames, syncedTables } from "@/db/sync-triggers";
import { archiveColumns } from "../account/privacy/archive/columns";
import { archiveRowOf, ownedBy, type ArchiveRow } from "../account/privacy/archive/table-walk";
import { claimClientGroup, lastMutationIdsOf } from "./clients";
import { formatHlc } from "./hlc";
import { decodeCookie, encodeCookie, PULL_PAGE, rowKeyOf, type Change, type PullInput, type PullResult } from "./protocol";

const versionOf = (table: object) => (table as Record<string, PgColumn>).version!;

/** The user's changed rows of each synced table beyond `after`, the lowest versions first, at most `limit` of each. */
async function putsAfter(db: Database, userId: string, after: number, limit: number): Promise<Change[]> {
  const pages = await Promise.all(
    syncedTables().map(async (entry) => {
      const version = versionOf(entry.table);
      const name = getTableName(entry.table);
      const columns = archiveColumns(entry);
      const keys = primaryKeyNames(entry.table);
      const rows = await db
        .select({ row: sql<ArchiveRow>`to_jsonb(${entry.table})`, version })
        .from(entry.table)
        .where(and(ownedBy(db, entry, userId), gt(version, after)))
        .orderBy(asc(version))
        .limit(limit);
      return rows.map(({ row, version }): Change => ({ op: "put", table: name, key: rowKeyOf(row, keys), version: Number(version), row: { ...archiveRowOf(row, columns), version: Number(version) } }));
    }),
  );
  return pages.flat();
}

async function deletesAfter(db: Database, userId: string, after: number, limit: number): Promise<Change[]> {
  const rows = await db
    .select({ table: syncTombstones.tableName, key: syncTombstones.rowKey, version: syncTombstones.version })
    .from(syncTombstones)
    .where(and(eq(syncTombstones.userId, userId), gt(syncTombstones.version, after)))
    .orderBy(asc(syncTombstones.version))
    .limit(limit);
  return rows.map((r): Change => ({ op: "del", ...r }));
}

/**
 * Every change of the user's synced tables beyond the cookie (puts and deletes), in version order,
 * a page at a time. Each table gives its lowest `limit + 1` versions, so the lowest `limit` of all
 * are among them and the page's last version is a cookie that skips nothing.
 */
export async function pull(db: Database, userId: string, input: PullInput): Promise<PullResult> {
  const serverTime = formatHlc({ wall: Date.now(), counter: 0, node: "server" });
  await claimClientGroup(db, userId, input.clientGroupId);
  const after = decodeCookie(input.cookie);
  if (after === "reset") return { cookie: encodeCookie(0), reset: true, changes: [], more: false, lastMutationIds: await lastMutationIdsOf(db, userId, input.clientGroupId), serverTime };
  const limit = input.limit ?? PULL_PAGE;
  // One snapshot for every table and the clients' last mutation ids: a client drops a pending
  // mutation exactly when the changes it receives hold its effect.
  const { all, lastMutationIds } = await db.transaction(
    async (txn) => {
      const tx = txn as unknown as Database;
      const [puts, deletes, lastMutationIds] = await Promise.all([putsAfter(tx, userId, after, limit + 1), deletesAfter(tx, userId, after, limit + 1), lastMutationIdsOf(tx, userId, input.clientGroupId)]);
      return { all: [...puts, ...deletes].sort((a, b) => a.version - b.version), lastMutationIds };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const changes = all.slice(0, limit);
  const more = all.length > limit;
  const cookie = encodeCookie(changes.length ? changes[changes.length - 1]!.version : after);
  return { cookie, reset: false, changes, more, lastMutationIds, serverTime };
}
