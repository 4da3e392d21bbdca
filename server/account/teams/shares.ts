import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { organizationMembers, scoreShares, type ShareHistoryDays } from "@/db/schema/teams";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/platform/audit/audit";
import { COACHING_ROLES, displayName, requireMember } from "./access";
import type { ShareTargetView } from "./schemas";

export interface ShareTarget {
  organizationId: string;
  /** null: every coach of the organization and its owner. */
  coachUserId: string | null;
}

const targetIs = (memberUserId: string, target: ShareTarget) =>
  and(
    eq(scoreShares.organizationId, target.organizationId),
    eq(scoreShares.memberUserId, memberUserId),
    target.coachUserId === null ? isNull(scoreShares.coachUserId) : eq(scoreShares.coachUserId, target.coachUserId),
  );

/** The coaches (and owner) of the organization other than the user, by name. */
async function coachesOf(db: Database, organizationId: string, exceptUserId: string) {
  const rows = await db
    .select({ userId: organizationMembers.userId, name: users.name })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), inArray(organizationMembers.role, [...COACHING_ROLES]), ne(organizationMembers.userId, exceptUserId)))
    .orderBy(organizationMembers.joinedAt)
    .limit(100);
  return rows.map((row) => ({ userId: row.userId, name: displayName(row.name) }));
}

/** Whom the member can share their scores with in the organization, and what they share now. */
export async function shareTargets(db: Database, userId: string, organizationId: string): Promise<ShareTargetView[]> {
  const membership = await requireMember(db, organizationId, userId);
  const [coaches, shares] = await Promise.all([
    coachesOf(db, organizationId, userId),
    db
      .select({ coachUserId: scoreShares.coachUserId, historyDays: scoreShares.historyDays })
      .from(scoreShares)
      .where(and(eq(scoreShares.organizationId, organizationId), eq(scoreShares.memberUserId, userId))),
  ]);
  const shared = new Map(shares.map((share) => [share.coachUserId, share.historyDays as ShareHistoryDays]));
  const everyone = { coachUserId: null, name: `Every coach of ${membership.organizationName}` };
  return [everyone, ...coaches.map((coach) => ({ coachUserId: coach.userId, name: coach.name }))].map((target) => ({
    ...target,
    sharing: shared.has(target.coachUserId),
    historyDays: shared.get(target.coachUserId) ?? null,
  }));
}

/** Shares the member's energy scores (date, score, band) of the last `historyDays` with a coach, or every coach. */
export async function setShare(db: Database, userId: string, input: ShareTarget & { historyDays: ShareHistoryDays }, origin: { ip: string }): Promise<ShareTargetView[]> {
  await requireMember(db, input.organizationId, userId);
  if (input.coachUserId !== null) {
    const coaches = await coachesOf(db, input.organizationId, userId);
    if (!coaches.some((coach) => coach.userId === input.coachUserId)) throw AppError.notFound("Coach");
  }
  await db.transaction(async (tx) => {
    await tx.delete(scoreShares).where(targetIs(userId, input));
    await tx.insert(scoreShares).values({ organizationId: input.organizationId, memberUserId: userId, coachUserId: input.coachUserId, historyDays: input.historyDays });
    await recordAudit(tx, {
      action: "teams.scores-shared",
      actorUserId: userId,
      subjectUserId: userId,
      target: { type: "organization", id: input.organizationId },
      ip: origin.ip,
      details: { coachUserId: input.coachUserId, historyDays: input.historyDays },
    });
  });
  return shareTargets(db, userId, input.organizationId);
}

/** Stops a share: the coach loses access with this call. */
export async function stopShare(db: Database, userId: string, input: ShareTarget, origin: { ip: string }): Promise<ShareTargetView[]> {
  await requireMember(db, input.organizationId, userId);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(scoreShares).where(targetIs(userId, input)).returning({ id: scoreShares.id });
    if (removed.length > 0) {
      await recordAudit(tx, {
        action: "teams.scores-unshared",
        actorUserId: userId,
        subjectUserId: userId,
        target: { type: "organization", id: input.organizationId },
        ip: origin.ip,
        details: { coachUserId: input.coachUserId },
      });
    }
  });
  return shareTargets(db, userId, input.organizationId);
}

/**
 * The shares that reach `coachUserId` in the organization, one per member (the longest history
 * when a member shares both by name and with every coach). The caller checks the coach's role.
 */
export function sharesReaching(db: Database, organizationId: string, coachUserId: string) {
  return db
    .select({ memberUserId: scoreShares.memberUserId, historyDays: sql<number>`max(${scoreShares.historyDays})`.mapWith(Number).as("history_days") })
    .from(scoreShares)
    .where(
      and(
        eq(scoreShares.organizationId, organizationId),
        ne(scoreShares.memberUserId, coachUserId),
        or(eq(scoreShares.coachUserId, coachUserId), isNull(scoreShares.coachUserId)),
      ),
    )
    .groupBy(scoreShares.memberUserId)
    .as("reaching");
}
