import { count, gte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";

export const SIGNUP_DAYS = 14;

export interface AdminOverview {
  totalUsers: number;
  verifiedUsers: number;
  unverifiedUsers: number;
  usersByRole: { role: "user" | "admin"; count: number }[];
  /** One entry per UTC day, oldest first, including days without signups. */
  signupsPerDay: { day: string; count: number }[];
}

/** `YYYY-MM-DD` of a date in UTC. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `days` UTC days ending today, oldest first. */
export function lastUtcDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * 86_400_000)));
}

export async function getAdminOverview(db: Database, now = new Date()): Promise<AdminOverview> {
  const days = lastUtcDays(now, SIGNUP_DAYS);
  const since = new Date(`${days[0]}T00:00:00.000Z`);
  const dayExpr = sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;

  const [totals, roles, signups] = await Promise.all([
    db
      .select({
        total: count(),
        verified: sql<number>`count(${users.emailVerifiedAt})`.mapWith(Number),
      })
      .from(users),
    db.select({ role: users.role, count: count() }).from(users).groupBy(users.role),
    db.select({ day: dayExpr, count: count() }).from(users).where(gte(users.createdAt, since)).groupBy(dayExpr),
  ]);

  const total = totals[0]?.total ?? 0;
  const verified = totals[0]?.verified ?? 0;
  const byDay = new Map(signups.map((row) => [row.day, row.count]));
  const roleCounts = new Map(roles.map((row) => [row.role, row.count]));

  return {
    totalUsers: total,
    verifiedUsers: verified,
    unverifiedUsers: total - verified,
    usersByRole: (["user", "admin"] as const).map((role) => ({ role, count: roleCounts.get(role) ?? 0 })),
    signupsPerDay: days.map((day) => ({ day, count: byDay.get(day) ?? 0 })),
  };
}
