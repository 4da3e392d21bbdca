import type Stripe from "stripe";
import type { SubscriptionStatus } from "@/db/schema/plans";
import type { SubscriptionChange } from "../plans/subscriptions";
import { planOfPrice, type StripeConfig } from "./config";

/* How a Stripe subscription object becomes a change of the user's plan (pure: no database, no network). */

/** Stripe's status → ours; null: not a subscription yet (its first payment is still open), no change. */
export function statusOf(status: Stripe.Subscription.Status): SubscriptionStatus | null {
  switch (status) {
    case "active":
      return "active";
    case "trialing":
      return "trialing";
    case "past_due":
      return "past_due";
    case "incomplete":
      return null;
    default:
      // canceled, incomplete_expired, unpaid (Stripe stopped retrying), paused: no paid plan.
      return "canceled";
  }
}

const MONTHS_PER_INTERVAL: Record<string, number> = { day: 12 / 365, week: 12 / 52, month: 1, year: 12 };

/** What a recurring price brings in per month, in cents (a yearly price of 9,600 is 800 a month). */
export function monthlyCents(price: Pick<Stripe.Price, "unit_amount" | "recurring">, quantity = 1): number {
  const amount = (price.unit_amount ?? 0) * quantity;
  const recurring = price.recurring;
  if (!recurring) return amount;
  return Math.round(amount / ((MONTHS_PER_INTERVAL[recurring.interval] ?? 1) * recurring.interval_count));
}

export function customerIdOf(customer: string | { id: string } | null): string | null {
  return customer === null ? null : typeof customer === "string" ? customer : customer.id;
}

export type SubscriptionReading =
  | { kind: "change"; change: SubscriptionChange & { stripeCustomerId: string; stripeSubscriptionId: string } }
  | { kind: "skip"; why: string };

/**
 * The plan change a subscription event asks for: the plan from its price id, the monthly amount from
 * the price, status, period end and cancellation; `deleted` events end it whatever the status says.
 */
export function readSubscription(config: StripeConfig, subscription: Stripe.Subscription, deleted: boolean): SubscriptionReading {
  const customerId = customerIdOf(subscription.customer);
  if (!customerId) return { kind: "skip", why: "no customer" };
  const item = subscription.items.data[0];
  if (!item) return { kind: "skip", why: "no subscription item" };
  const plan = planOfPrice(config, item.price.id);
  if (!plan) return { kind: "skip", why: `price ${item.price.id} is not one of the plans' prices` };
  const status = deleted ? "canceled" : statusOf(subscription.status);
  if (!status) return { kind: "skip", why: `status ${subscription.status}` };
  return {
    kind: "change",
    change: {
      plan,
      status,
      source: "stripe",
      monthlyAmountCents: monthlyCents(item.price, item.quantity ?? 1),
      currency: item.price.currency,
      stripeCustomerId: customerId,
      stripeSubscriptionId: subscription.id,
      currentPeriodEnd: new Date(item.current_period_end * 1000),
      cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
    },
  };
}
