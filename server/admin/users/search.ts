import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { authSessions, users } from "@/db/schema/auth";
import { subscriptions } from "@/db/schema/plans";
import { planOf } from "@/server/account/plans/subscriptions";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type PaginationInput } from "../../pagination";
import { containsPattern } from "../like";

export type AccountStatus = "active" | "disabled";

/** Accounts whose email or name contains `q` (all of them without one), newest first, with plan and last use. */
export async function searchUsers(db: Database, input: PaginationInput & { q?: string | null }) {
  const q = input.q?.trim();
  const pattern = q ? containsPattern(q) : null;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      plan: subscriptions.plan,
      subscriptionStatus: subscriptions.status,
      lastSeenAt: sql<Date | null>`(select max(${authSessions.lastSeenAt}) from ${authSessions} where ${authSessions.userId} = ${users.id})`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
    })
    .from(users)
    .leftJoin(subscriptions, eq(subscriptions.userId, users.id))
    .where(and(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined, afterCursor(users.createdAt, users.id, input.cursor)))
    .orderBy(...newestFirst(users.createdAt, users.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => row.createdAt);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: (row.disabledAt ? "disabled" : "active") as AccountStatus,
      plan: planOf(row.plan && row.subscriptionStatus ? { plan: row.plan, status: row.subscriptionStatus } : undefined),
      lastSeenAt: row.lastSeenAt,
      createdAt: row.createdAt,
    })),
  };
}
