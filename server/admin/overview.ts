import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores } from "@/db/schema/analytics";
import { authSessions, users } from "@/db/schema/auth";
import type { PlanId } from "@/server/account/plans/catalog";
import { subscriptionStats, usersPerPlan, type SubscriptionStats } from "@/server/account/plans/stats";

export const SIGNUP_DAYS = 30;
/** The energy score average takes each user's latest score within this many days. */
export const SCORE_WINDOW_DAYS = 7;
export const ACTIVE_WINDOWS = [1, 7, 30] as const;

const DAY_MS = 86_400_000;

export interface AdminOverview {
  generatedAt: Date;
  totalUsers: number;
  disabledUsers: number;
  /** Distinct users with a session seen within the last 1, 7 and 30 days. */
  activeUsers: { days: number; count: number }[];
  /** One entry per UTC day, oldest first, including days without signups. */
  signupsPerDay: { day: string; count: number }[];
  /** The mean of each user's latest energy score within SCORE_WINDOW_DAYS (null: nobody scored). */
  averageEnergyScore: { value: number | null; users: number; windowDays: number };
  churn: SubscriptionStats["churn"] & { windowDays: number };
  usersByPlan: { plan: PlanId; count: number }[];
  mrrCents: number;
}

/** `YYYY-MM-DD` of a date in UTC. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `days` UTC days ending today, oldest first. */
export function lastUtcDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * DAY_MS)));
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

async function accountCounts(db: Database) {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number), disabled: sql<number>`count(${users.disabledAt})`.mapWith(Number) })
    .from(users);
  return { total: row?.total ?? 0, disabled: row?.disabled ?? 0 };
}

/** Users by when they were last seen (their latest session), then counted per window: one hash aggregate, no distinct sorts. */
async function activeUsers(db: Database, now: Date) {
  const lastSeen = db
    .select({ seen: sql<Date>`max(${authSessions.lastSeenAt})`.as("seen") })
    .from(authSessions)
    .where(sql`${authSessions.lastSeenAt} >= ${ago(now, 30)}::timestamptz and ${authSessions.lastSeenAt} <= ${now.toISOString()}::timestamptz`)
    .groupBy(authSessions.userId)
    .as("last_seen");
  const [row] = await db
    .select({
      d1: sql<number>`count(*) filter (where ${lastSeen.seen} >= ${ago(now, 1)}::timestamptz)`.mapWith(Number),
      d7: sql<number>`count(*) filter (where ${lastSeen.seen} >= ${ago(now, 7)}::timestamptz)`.mapWith(Number),
      d30: sql<number>`count(*)`.mapWith(Number),
    })
    .from(lastSeen);
  const counts = [row?.d1 ?? 0, row?.d7 ?? 0, row?.d30 ?? 0];
  return ACTIVE_WINDOWS.map((days, i) => ({ days, count: counts[i] ?? 0 }));
}

async function signupsPerDay(db: Database, now: Date) {
  const days = lastUtcDays(now, SIGNUP_DAYS);
  const dayExpr = sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day: dayExpr, count: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(sql`${users.createdAt} >= ${`${days[0]}T00:00:00.000Z`}::timestamptz`)
    .groupBy(dayExpr);
  const byDay = new Map(rows.map((row) => [row.day, row.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

/**
 * Each user's latest score in the window, found by a hash aggregate instead of a sort: a score
 * (0–100) packed under its day number, `day * 1000 + score`, so that the maximum per user is the
 * latest day's and `% 1000` gives its score back. Reads only energy_scores_recent_idx.
 */
async function averageEnergyScore(db: Database, now: Date) {
  const since = lastUtcDays(now, SCORE_WINDOW_DAYS)[0];
  const latest = db
    .select({ packed: sql<number>`max((${energyScores.localDate} - date '2000-01-01') * 1000 + ${energyScores.score})`.as("packed") })
    .from(energyScores)
    .where(sql`${energyScores.localDate} >= ${since} and ${energyScores.score} is not null`)
    .groupBy(energyScores.userId)
    .as("latest");
  const [row] = await db
    .select({ value: sql<number | null>`avg(${latest.packed} % 1000)::float8`, users: sql<number>`count(*)`.mapWith(Number) })
    .from(latest);
  const value = row?.value === null || row?.value === undefined ? null : Math.round(Number(row.value) * 10) / 10;
  return { value, users: row?.users ?? 0, windowDays: SCORE_WINDOW_DAYS };
}

/** The figures of the admin overview page, each from one small query, run side by side. */
export async function getAdminOverview(db: Database, now = new Date()): Promise<AdminOverview> {
  const [accounts, active, signups, score, plans] = await Promise.all([
    accountCounts(db),
    activeUsers(db, now),
    signupsPerDay(db, now),
    averageEnergyScore(db, now),
    subscriptionStats(db, now, SIGNUP_DAYS),
  ]);
  return {
    generatedAt: now,
    totalUsers: accounts.total,
    disabledUsers: accounts.disabled,
    activeUsers: active,
    signupsPerDay: signups,
    averageEnergyScore: score,
    churn: { ...plans.churn, windowDays: SIGNUP_DAYS },
    usersByPlan: usersPerPlan(plans, accounts.total),
    mrrCents: plans.mrrCents,
  };
}
