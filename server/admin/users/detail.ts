import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { authSessions } from "@/db/schema/auth";
import { findUserById } from "@/server/account/auth/users";
import { describeUserAgent } from "@/server/account/auth/user-agent";
import { getSubscription, planOf } from "@/server/account/plans/subscriptions";
import { describeFactor } from "@/server/account/two-factor/factors";
import { listConnections } from "@/server/health/devices/connections";
import { AppError } from "../../errors";
import { auditAdminAction, type AdminActor } from "../admin-audit";

const SESSIONS_SHOWN = 50;

/** The account row of a user, or NOT_FOUND. */
export async function requireUser(db: Database, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) throw AppError.notFound("User");
  return user;
}

/** The sessions not revoked nor expired, most recently used first. */
async function liveSessions(db: Database, userId: string, now: Date) {
  const rows = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(SESSIONS_SHOWN);
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    ip: row.ip,
    factor: describeFactor(row.factor),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
}

/**
 * What an admin sees of an account: who it is, its plan and subscription, its device connections
 * with their last sync, its live sessions. No health data (that takes a reason: ./health-data.ts).
 * Each opening is audited.
 */
export async function openUserDetail(db: Database, actor: AdminActor, userId: string, now: Date = new Date()) {
  const user = await requireUser(db, userId);
  const [subscription, connections, sessions] = await Promise.all([getSubscription(db, userId), listConnections(db, userId), liveSessions(db, userId, now)]);
  await auditAdminAction(db, actor, { action: "admin.user-opened", subjectUserId: userId });
  return {
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerifiedAt: user.emailVerifiedAt,
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
    },
    plan: planOf(subscription),
    subscription: subscription
      ? {
          plan: subscription.plan,
          status: subscription.status,
          source: subscription.source,
          monthlyAmountCents: subscription.monthlyAmountCents,
          currency: subscription.currency,
          currentPeriodEnd: subscription.currentPeriodEnd,
          cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
          startedAt: subscription.startedAt,
          canceledAt: subscription.canceledAt,
        }
      : null,
    connections: connections.map((c) => ({ id: c.id, provider: c.provider, status: c.status, lastSyncAt: c.lastSyncAt, lastError: c.lastError, connectedAt: c.createdAt })),
    sessions,
  };
}
