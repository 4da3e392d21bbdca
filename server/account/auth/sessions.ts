import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { authSessions, users } from "@/db/schema/auth";
import type { SessionUser } from "../../trpc";
import { describeFactor, type SignInFactor } from "../two-factor/factors";
import { describeUserAgent } from "./user-agent";

/** A session lives this long after its last use (the JWT cookie slides the same way). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
/** last_seen_at is written at most this often per session, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

const USER_AGENT_MAX = 512;

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
}

export async function createSession(
  db: Database,
  input: { userId: string; ip: string | null; userAgent: string | null; factor?: SignInFactor; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      factor: input.factor ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiryFrom(now),
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/**
 * The user signed in through session `sessionId`, or null when the session is unknown, revoked,
 * expired, or its user was deleted or disabled. Refreshes last_seen_at (and slides the expiry) at most once
 * per LAST_SEEN_RESOLUTION_MS.
 */
export async function resolveSession(db: Database, sessionId: string, now: Date = new Date()): Promise<SessionUser | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      lastSeenAt: authSessions.lastSeenAt,
      revokedAt: authSessions.revokedAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row || row.revokedAt || row.expiresAt <= now || row.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now, expiresAt: expiryFrom(now) })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId };
}

export interface SessionSummary {
  id: string;
  device: string;
  userAgent: string | null;
  ip: string | null;
  /** How this sign-in was proved ("Password + authenticator app"…); null when not recorded. */
  factor: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The user's active sessions, most recently used first. */
export async function listActiveSessions(db: Database, userId: string, currentSessionId: string, now: Date = new Date()): Promise<SessionSummary[]> {
  const rows = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    userAgent: row.userAgent,
    ip: row.ip,
    factor: describeFactor(row.factor),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }));
}

/** Revokes one of the user's sessions; false when it is not theirs, unknown or already revoked. */
export async function revokeSession(db: Database, userId: string, sessionId: string, now: Date = new Date()): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length > 0;
}

/** Revokes every session of the user except `keepSessionId`; returns how many were revoked. */
export async function revokeOtherSessions(db: Database, userId: string, keepSessionId: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}

export async function revokeAllSessions(db: Database, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Whether the account with this email has ever signed in from `ip` (a device its owner uses). */
export async function hasSignedInFrom(db: Database, email: string, ip: string): Promise<boolean> {
  if (ip === "unknown") return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(users.email, email), eq(authSessions.ip, ip)))
    .limit(1);
  return row !== undefined;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
