import type { Database } from "@/db";
import { userTimeZone } from "../profile/service";
import { aiConfigFromEnv } from "@/server/ai/config";
import { localDate } from "@/server/health/local-date";
import { PAID_PLANS, stripeConfigFrom, type StripeConfig } from "../billing/config";
import { METERED_FEATURES, PLAN_IDS, PLANS } from "./catalog";
import { historyStartOn } from "./history";
import type { CurrentPlanView, PlanView } from "./schemas";
import { getSubscription, planOf } from "./subscriptions";
import { usageOn } from "./usage";

export interface OverviewOptions {
  now?: Date;
  stripe?: StripeConfig | null;
  aiConfigured?: boolean;
}

/** The three plans, cheapest first. */
export function planCatalog(): PlanView[] {
  return PLAN_IDS.map((id) => PLANS[id]);
}

/** The user's plan now: what it includes, today's usage on their local day, the subscription, and what this server offers. */
export async function planOverview(db: Database, userId: string, options: OverviewOptions = {}): Promise<CurrentPlanView> {
  const now = options.now ?? new Date();
  const stripe = options.stripe === undefined ? stripeConfigFrom() : options.stripe;
  const [subscription, timeZone] = await Promise.all([getSubscription(db, userId), userTimeZone(db, userId)]);
  const plan = PLANS[planOf(subscription)];
  const day = localDate(now, null, timeZone);
  const used = await usageOn(db, userId, day);
  return {
    plan,
    usage: METERED_FEATURES.map((feature) => ({ feature, used: used.get(feature) ?? 0, limit: plan.entitlements.perDay[feature] })),
    day,
    timeZone,
    historyStart: historyStartOn(plan.id, day),
    subscription: subscription
      ? {
          status: subscription.status,
          source: subscription.source,
          currentPeriodEnd: subscription.currentPeriodEnd,
          cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
          manageable: Boolean(stripe && subscription.stripeCustomerId),
        }
      : null,
    stripeConfigured: stripe !== null,
    checkoutPlans: stripe ? PAID_PLANS.filter((id) => stripe.prices[id]) : [],
    aiConfigured: options.aiConfigured ?? aiConfigFromEnv().apiKey !== null,
  };
}
