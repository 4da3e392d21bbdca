import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { organizationMembers, type ShareHistoryDays } from "@/db/schema/teams";
import { timeZonesOf } from "@/server/account/profile/service";
import { AppError } from "@/server/errors";
import { scoresBetween } from "@/server/health/analytics/insights/history";
import { addDays, localDate } from "@/server/health/local-date";
import { afterCursor, newestFirst } from "@/server/keyset";
import { toPage, type Paginated, type PaginationInput } from "@/server/pagination";
import { recordAudit } from "@/server/platform/audit/audit";
import { displayName, requireCoach } from "./access";
import type { SharedMemberDetailView, SharedMemberView, SharedScoreView } from "./schemas";
import { sharesReaching } from "./shares";

/** The days a coach's overview shows of each member (its sparkline). */
export const OVERVIEW_DAYS = 7;

/** The last `days` local days of the member, up to their today, as a coach sees them: date, score, band. */
async function sharedScores(db: Database, memberUserId: string, timeZone: string, days: number, now: Date): Promise<SharedScoreView[]> {
  const today = localDate(now, null, timeZone);
  const points = await scoresBetween(db, memberUserId, addDays(today, -(days - 1)), today);
  return points.map((point) => ({ date: point.localDate, score: point.state === "scored" ? point.score : null, band: point.state === "scored" ? point.status : null }));
}

const latestOf = (scores: readonly SharedScoreView[]) => scores.findLast((day) => day.score !== null) ?? null;

/** The members who share with the coach, newest members first, each with their latest score and last 7 days. */
export async function sharedMembers(db: Database, coachUserId: string, input: PaginationInput & { organizationId: string }, now: Date = new Date()): Promise<Paginated<SharedMemberView>> {
  await requireCoach(db, input.organizationId, coachUserId);
  const reaching = sharesReaching(db, input.organizationId, coachUserId);
  const rows = await db
    .select({ id: organizationMembers.id, userId: organizationMembers.userId, name: users.name, joinedAt: organizationMembers.joinedAt, historyDays: reaching.historyDays })
    .from(organizationMembers)
    .innerJoin(reaching, eq(reaching.memberUserId, organizationMembers.userId))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, input.organizationId), afterCursor(organizationMembers.joinedAt, organizationMembers.id, input.cursor)))
    .orderBy(...newestFirst(organizationMembers.joinedAt, organizationMembers.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => row.joinedAt);
  const zones = await timeZonesOf(db, page.items.map((row) => row.userId));
  const items = await Promise.all(
    page.items.map(async (row) => {
      const week = await sharedScores(db, row.userId, zones.get(row.userId) ?? "UTC", OVERVIEW_DAYS, now);
      return { userId: row.userId, name: displayName(row.name), historyDays: row.historyDays as ShareHistoryDays, latest: latestOf(week), week };
    }),
  );
  return { items, nextCursor: page.nextCursor };
}

/**
 * One member's shared scores for the whole history their share allows (audited: the member sees
 * that a coach opened them). A member who does not share with the coach is NOT_FOUND.
 */
export async function sharedMemberDetail(
  db: Database,
  coachUserId: string,
  input: { organizationId: string; memberUserId: string },
  origin: { ip: string },
  now: Date = new Date(),
): Promise<SharedMemberDetailView> {
  await requireCoach(db, input.organizationId, coachUserId);
  const reaching = sharesReaching(db, input.organizationId, coachUserId);
  const [row] = await db
    .select({ name: users.name, historyDays: reaching.historyDays })
    .from(organizationMembers)
    .innerJoin(reaching, eq(reaching.memberUserId, organizationMembers.userId))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, input.memberUserId)));
  if (!row) throw AppError.notFound("Member");
  const zones = await timeZonesOf(db, [input.memberUserId]);
  const historyDays = row.historyDays as ShareHistoryDays;
  const scores = await sharedScores(db, input.memberUserId, zones.get(input.memberUserId) ?? "UTC", historyDays, now);
  await recordAudit(db, {
    action: "teams.scores-read",
    actorUserId: coachUserId,
    subjectUserId: input.memberUserId,
    target: { type: "organization", id: input.organizationId },
    ip: origin.ip,
    details: { historyDays },
  });
  return { userId: input.memberUserId, name: displayName(row.name), historyDays, scores };
}
