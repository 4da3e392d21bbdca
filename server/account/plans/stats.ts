import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { subscriptions } from "@/db/schema/plans";
import { PLAN_IDS, type PlanId } from "./catalog";

/** Read-only figures over all subscriptions, for the admin overview. */
export interface SubscriptionStats {
  /** Users on each paid plan now (a live subscription); the free count is everyone else. */
  livePaid: Record<Exclude<PlanId, "free">, number>;
  /** Monthly recurring revenue: monthly_amount_cents summed over live subscriptions. */
  mrrCents: number;
  churn: {
    /** Paid subscriptions live at the window's start that were canceled within it. */
    canceled: number;
    /** Paid subscriptions live at the window's start. */
    liveAtStart: number;
    /** canceled / liveAtStart; null when nobody was paying at the start. */
    rate: number | null;
  };
}

const LIVE = sql`${subscriptions.status} in ('active', 'trialing', 'past_due')`;
const PAID = sql`${subscriptions.plan} <> 'free'`;

/** Whether a subscription was live at `at`: started before it, and not canceled by then. */
const liveAt = (at: Date) =>
  sql`${subscriptions.startedAt} < ${at.toISOString()}::timestamptz and (${subscriptions.canceledAt} is null or ${subscriptions.canceledAt} >= ${at.toISOString()}::timestamptz)`;

/** Plan counts, MRR and churn over the `windowDays` before `now`, in one pass over subscriptions. */
export async function subscriptionStats(db: Database, now: Date = new Date(), windowDays = 30): Promise<SubscriptionStats> {
  const start = new Date(now.getTime() - windowDays * 86_400_000);
  const [row] = await db
    .select({
      pro: sql<number>`count(*) filter (where ${LIVE} and ${subscriptions.plan} = 'pro')`.mapWith(Number),
      team: sql<number>`count(*) filter (where ${LIVE} and ${subscriptions.plan} = 'team')`.mapWith(Number),
      mrrCents: sql<number>`coalesce(sum(${subscriptions.monthlyAmountCents}) filter (where ${LIVE}), 0)`.mapWith(Number),
      liveAtStart: sql<number>`count(*) filter (where ${PAID} and ${liveAt(start)})`.mapWith(Number),
      canceled: sql<number>`count(*) filter (where ${PAID} and ${liveAt(start)} and ${subscriptions.status} = 'canceled' and ${subscriptions.canceledAt} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(subscriptions);
  const liveAtStart = row?.liveAtStart ?? 0;
  const canceled = row?.canceled ?? 0;
  return {
    livePaid: { pro: row?.pro ?? 0, team: row?.team ?? 0 },
    mrrCents: row?.mrrCents ?? 0,
    churn: { canceled, liveAtStart, rate: liveAtStart > 0 ? canceled / liveAtStart : null },
  };
}

/** Users per plan, free included, given the total number of accounts. */
export function usersPerPlan(stats: SubscriptionStats, totalUsers: number): { plan: PlanId; count: number }[] {
  const paid = stats.livePaid.pro + stats.livePaid.team;
  return PLAN_IDS.map((plan) => ({ plan, count: plan === "free" ? Math.max(totalUsers - paid, 0) : stats.livePaid[plan] }));
}
