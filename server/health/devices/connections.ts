import { and, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { LIVE_CONNECTION_STATUSES, providerConnections, providerDailyTotals, rawRecords, sleepSessions, workouts } from "@/db/schema";
import { oneOf } from "@/db/schema/_columns";
import { AppError } from "../../errors";
import { isUniqueViolation } from "../../platform/jobs/store";
import { decryptSecret, encryptSecret } from "../../platform/crypto";
import { rollupDays } from "../timeseries/rollup";
import { deleteSeriesOfSource } from "../timeseries/write";

export type Connection = typeof providerConnections.$inferSelect;

export interface ConnectionView {
  id: string;
  provider: string;
  status: Connection["status"];
  externalUserId: string | null;
  scopes: string[];
  autoSync: boolean;
  lastSyncAt: Date | null;
  lastError: string | null;
  connectedAt: Date;
  backfill: Connection["backfill"];
}

export function toView(c: Connection): ConnectionView {
  return {
    id: c.id,
    provider: c.provider,
    status: c.status,
    externalUserId: c.externalUserId,
    scopes: c.scopes,
    autoSync: c.autoSync,
    lastSyncAt: c.lastSyncAt,
    lastError: c.lastError,
    connectedAt: c.createdAt,
    backfill: c.backfill,
  };
}

export async function listConnections(db: Database, userId: string): Promise<Connection[]> {
  return db.select().from(providerConnections).where(eq(providerConnections.userId, userId)).orderBy(providerConnections.provider);
}

/** The user's connection to a provider; NOT_FOUND when there is none (or it is someone else's). */
export async function getConnection(db: Database, userId: string, provider: string): Promise<Connection> {
  const [row] = await db
    .select()
    .from(providerConnections)
    .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)));
  if (!row) throw AppError.notFound("Connection");
  return row;
}

/** Where a webhook for a provider account goes: its live connection, or why it goes nowhere. */
export type DeliveryRoute =
  | { connection: Connection; reason: null; linkEnded: false }
  /** `linkEnded`: the account was linked, and that link was revoked or disconnected. */
  | { connection: null; reason: string; linkEnded: boolean };

export async function routeDelivery(db: Database, provider: string, externalUserId: string): Promise<DeliveryRoute> {
  // Every link the account ever had, the live one first (there is at most one), else the latest.
  const [link] = await db
    .select()
    .from(providerConnections)
    .where(and(eq(providerConnections.provider, provider), eq(providerConnections.externalUserId, externalUserId)))
    .orderBy(sql`${oneOf(providerConnections.status, LIVE_CONNECTION_STATUSES)} desc`, desc(providerConnections.updatedAt))
    .limit(1);
  if (!link) return { connection: null, reason: "no connection for this provider account", linkEnded: false };
  if ((LIVE_CONNECTION_STATUSES as readonly string[]).includes(link.status)) return { connection: link, reason: null, linkEnded: false };
  return { connection: null, reason: `the link of this provider account is ${link.status}`, linkEnded: true };
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: Date | null;
  scopes?: string[];
}

/**
 * Creates or re-activates the user's connection, tokens encrypted at rest. A provider account
 * feeds one live connection: linking it here revokes another user's live link to it, in the same
 * transaction (a parallel link of the same account loses with CONFLICT).
 */
export async function activateConnection(
  db: Database,
  input: { userId: string; provider: string; externalUserId: string | null; tokens?: TokenSet | null; scopes?: string[] },
): Promise<Connection> {
  const values = {
    userId: input.userId,
    provider: input.provider,
    externalUserId: input.externalUserId,
    status: "active" as const,
    scopes: input.tokens?.scopes ?? input.scopes ?? [],
    accessTokenEnc: input.tokens ? encryptSecret(input.tokens.accessToken) : null,
    refreshTokenEnc: input.tokens?.refreshToken ? encryptSecret(input.tokens.refreshToken) : null,
    tokenExpiresAt: input.tokens?.expiresAt ?? null,
    lastError: null,
  };
  try {
    return await db.transaction(async (tx) => {
      if (input.externalUserId) {
        await tx
          .update(providerConnections)
          .set({
            status: "revoked",
            accessTokenEnc: null,
            refreshTokenEnc: null,
            tokenExpiresAt: null,
            lastError: "This provider account was connected to another BioSync account. Reconnect it here to sync it here again.",
          })
          .where(
            and(
              eq(providerConnections.provider, input.provider),
              eq(providerConnections.externalUserId, input.externalUserId),
              ne(providerConnections.userId, input.userId),
              inArray(providerConnections.status, LIVE_CONNECTION_STATUSES),
            ),
          );
      }
      const [row] = await tx
        .insert(providerConnections)
        .values(values)
        .onConflictDoUpdate({ target: [providerConnections.userId, providerConnections.provider], set: { ...values, updatedAt: new Date() } })
        .returning();
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.conflict("This provider account was just connected to another BioSync account. Try again.");
    throw error;
  }
}

export async function saveTokens(db: Database, connectionId: string, tokens: TokenSet): Promise<void> {
  await db
    .update(providerConnections)
    .set({
      accessTokenEnc: encryptSecret(tokens.accessToken),
      ...(tokens.refreshToken ? { refreshTokenEnc: encryptSecret(tokens.refreshToken) } : {}),
      tokenExpiresAt: tokens.expiresAt ?? null,
      ...(tokens.scopes ? { scopes: tokens.scopes } : {}),
    })
    .where(eq(providerConnections.id, connectionId));
}

export function readTokens(c: Connection): { accessToken: string | null; refreshToken: string | null } {
  return {
    accessToken: c.accessTokenEnc ? decryptSecret(c.accessTokenEnc) : null,
    refreshToken: c.refreshTokenEnc ? decryptSecret(c.refreshTokenEnc) : null,
  };
}

/** Connections whose access token expires within `withinMs` (for refresh before expiry). */
export async function connectionsNeedingRefresh(db: Database, withinMs: number): Promise<Connection[]> {
  return db
    .select()
    .from(providerConnections)
    .where(
      and(
        eq(providerConnections.status, "active"),
        sql`${providerConnections.refreshTokenEnc} is not null`,
        lt(providerConnections.tokenExpiresAt, new Date(Date.now() + withinMs)),
      ),
    );
}

export async function setAutoSync(db: Database, userId: string, provider: string, autoSync: boolean): Promise<Connection> {
  const existing = await getConnection(db, userId, provider);
  const [row] = await db.update(providerConnections).set({ autoSync }).where(eq(providerConnections.id, existing.id)).returning();
  return row!;
}

export async function markConnection(db: Database, connectionId: string, patch: { status?: Connection["status"]; lastError?: string | null; lastSyncAt?: Date; backfill?: Connection["backfill"] }) {
  await db.update(providerConnections).set(patch).where(eq(providerConnections.id, connectionId));
}

/**
 * Stops syncing: tokens are wiped and the status says disconnected. The data stays unless the
 * user asks to delete it, in which case every row from this provider goes and the days are rolled up again.
 */
export async function disconnectConnection(db: Database, userId: string, provider: string, opts: { deleteData: boolean }): Promise<{ deletedDays: number }> {
  const existing = await getConnection(db, userId, provider);
  await db
    .update(providerConnections)
    .set({ status: "disconnected", accessTokenEnc: null, refreshTokenEnc: null, tokenExpiresAt: null, autoSync: false })
    .where(eq(providerConnections.id, existing.id));
  if (!opts.deleteData) return { deletedDays: 0 };
  const days = new Set<string>();
  const mine = (t: { userId: AnyPgColumn; source: AnyPgColumn }) => and(eq(t.userId, userId), eq(t.source, provider));
  for (const day of await deleteSeriesOfSource(db, userId, provider)) days.add(day);
  for (const r of await db.delete(sleepSessions).where(mine(sleepSessions)).returning({ d: sleepSessions.localDate })) days.add(r.d);
  for (const r of await db.delete(workouts).where(mine(workouts)).returning({ d: workouts.localDate })) days.add(r.d);
  for (const r of await db.delete(providerDailyTotals).where(mine(providerDailyTotals)).returning({ d: providerDailyTotals.localDate })) days.add(r.d);
  await db.delete(rawRecords).where(and(eq(rawRecords.userId, userId), eq(rawRecords.source, provider)));
  await rollupDays(db, userId, days);
  return { deletedDays: days.size };
}

/** Connections due for a periodic sync (auto-sync on, not synced within `olderThanMs`). */
export async function connectionsDueForSync(db: Database, olderThanMs: number): Promise<Connection[]> {
  const cutoff = new Date(Date.now() - olderThanMs);
  return db
    .select()
    .from(providerConnections)
    .where(
      and(
        eq(providerConnections.status, "active"),
        eq(providerConnections.autoSync, true),
        or(sql`${providerConnections.lastSyncAt} is null`, lt(providerConnections.lastSyncAt, cutoff)),
      ),
    )
    .orderBy(desc(providerConnections.lastSyncAt));
}

export async function getConnectionById(db: Database, id: string): Promise<Connection | null> {
  const [row] = await db.select().from(providerConnections).where(eq(providerConnections.id, id));
  return row ?? null;
}
