import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { subscriptions, type Subscription, type SubscriptionSource, type SubscriptionStatus } from "@/db/schema/plans";
import { PLANS, type FlagFeature, type PlanId } from "./catalog";

/** Statuses under which the subscribed plan applies (a failed payment keeps it until Stripe cancels). */
const LIVE_STATUSES: readonly SubscriptionStatus[] = ["active", "trialing", "past_due"];

/** The plan a subscription row grants: its plan while live, free once canceled (and without a row). */
export function planOf(row: Pick<Subscription, "plan" | "status"> | undefined): PlanId {
  return row && LIVE_STATUSES.includes(row.status) ? row.plan : "free";
}

export async function getSubscription(db: Database, userId: string): Promise<Subscription | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).limit(1);
  return row;
}

/** The plan that applies to the user now. */
export async function currentPlan(db: Database, userId: string): Promise<PlanId> {
  return planOf(await getSubscription(db, userId));
}

/** Whether the user's plan includes `feature` now (for decisions inside domain code, e.g. narrating). */
export async function isEntitled(db: Database, userId: string, feature: FlagFeature): Promise<boolean> {
  return PLANS[await currentPlan(db, userId)].entitlements.flags[feature];
}

export interface SubscriptionChange {
  plan: PlanId;
  status: SubscriptionStatus;
  source: SubscriptionSource;
  /** Defaults to the catalog price of the plan (0 once canceled). */
  monthlyAmountCents?: number;
  currency?: string;
  stripeCustomerId?: string | null;
  stripeSubscriptionId?: string | null;
  currentPeriodEnd?: Date | null;
  cancelAtPeriodEnd?: boolean;
}

/**
 * Writes the user's subscription (one row per user): the one way a plan changes, whether an admin
 * sets it by hand or a Stripe event does. Returns the row as stored.
 */
export async function saveSubscription(db: Database, userId: string, change: SubscriptionChange, now = new Date()): Promise<Subscription> {
  const canceled = change.status === "canceled";
  const amount = change.monthlyAmountCents ?? (canceled ? 0 : PLANS[change.plan].monthlyPriceCents);
  const values = {
    plan: change.plan,
    status: change.status,
    source: change.source,
    monthlyAmountCents: canceled ? 0 : amount,
    currency: change.currency ?? "usd",
    ...(change.stripeCustomerId !== undefined ? { stripeCustomerId: change.stripeCustomerId } : {}),
    ...(change.stripeSubscriptionId !== undefined ? { stripeSubscriptionId: change.stripeSubscriptionId } : {}),
    ...(change.currentPeriodEnd !== undefined ? { currentPeriodEnd: change.currentPeriodEnd } : {}),
    cancelAtPeriodEnd: change.cancelAtPeriodEnd ?? false,
    canceledAt: canceled ? now : null,
  };
  const [row] = await db
    .insert(subscriptions)
    .values({ userId, startedAt: now, ...values })
    .onConflictDoUpdate({
      target: subscriptions.userId,
      set: {
        ...values,
        // A new paid period after a cancellation starts the subscription again.
        startedAt: sql`case when ${subscriptions.status} = 'canceled' and ${change.status}::text <> 'canceled' then ${now.toISOString()}::timestamptz else ${subscriptions.startedAt} end`,
        updatedAt: now,
      },
    })
    .returning();
  if (!row) throw new Error("The subscription upsert returned no row");
  return row;
}
