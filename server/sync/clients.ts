import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { syncClientGroups, syncClients, syncCounters } from "@/db/schema/sync";
import { AppError } from "../errors";

const otherAccount = () => new AppError("FORBIDDEN", "This device id belongs to another account: the app starts a new one.", { reason: "sync.foreign-client" });

/**
 * Serializes the user's pushes (and every write to their synced tables, whose trigger takes the same
 * row) until the transaction ends: a merge reads the rows it then writes, with nothing in between.
 */
export async function lockUserSync(db: Database, userId: string): Promise<void> {
  await db.insert(syncCounters).values({ userId }).onConflictDoNothing();
  await db.execute(sql`select 1 from ${syncCounters} where ${syncCounters.userId} = ${userId} for update`);
}

/** The user's client group of this id, made on first sight (a pull writes nothing once it exists); another account's is refused. */
export async function claimClientGroup(db: Database, userId: string, id: string, label?: string): Promise<void> {
  const insert = db.insert(syncClientGroups).values({ id, userId, label: label ?? null });
  if (label === undefined) await insert.onConflictDoNothing();
  else await insert.onConflictDoUpdate({ target: syncClientGroups.id, set: { label }, setWhere: eq(syncClientGroups.userId, userId) });
  const [row] = await db.select({ userId: syncClientGroups.userId }).from(syncClientGroups).where(eq(syncClientGroups.id, id));
  if (row?.userId !== userId) throw otherAccount();
}

/** The client's last mutation id, locking its row for this push (made on first sight). */
export async function claimClient(db: Database, userId: string, clientGroupId: string, id: string): Promise<number> {
  await db.insert(syncClients).values({ id, clientGroupId, userId }).onConflictDoNothing();
  const [row] = await db
    .select({ userId: syncClients.userId, clientGroupId: syncClients.clientGroupId, lastMutationId: syncClients.lastMutationId })
    .from(syncClients)
    .where(eq(syncClients.id, id))
    .for("update");
  if (!row || row.userId !== userId || row.clientGroupId !== clientGroupId) throw otherAccount();
  return row.lastMutationId;
}

export async function advanceClient(db: Database, id: string, lastMutationId: number): Promise<void> {
  await db.update(syncClients).set({ lastMutationId, lastSeenAt: new Date() }).where(eq(syncClients.id, id));
}

/** The last mutation id of each client of the user's group. */
export async function lastMutationIdsOf(db: Database, userId: string, clientGroupId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ id: syncClients.id, last: syncClients.lastMutationId })
    .from(syncClients)
    .where(and(eq(syncClients.userId, userId), eq(syncClients.clientGroupId, clientGroupId)));
  return Object.fromEntries(rows.map((r) => [r.id, r.last]));
}
