import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { FAKE_PRICES } from "./testing/fake-stripe";
import { subscriptionObject } from "./testing/stripe-events";
import { monthlyCents, readSubscription, statusOf } from "./subscription-event";
import type { StripeConfig } from "./config";

const config: StripeConfig = { secretKey: "sk", webhookSecret: "whsec", prices: { ...FAKE_PRICES }, apiBase: null, appUrl: "http://localhost" };
const subscription = (fields: Parameters<typeof subscriptionObject>[0]) => subscriptionObject(fields) as unknown as Stripe.Subscription;

describe("reading a Stripe subscription", () => {
  it("maps Stripe's statuses: paid and trial plans apply, a failed payment keeps it, the rest end it, incomplete waits", () => {
    expect(["active", "trialing", "past_due", "incomplete", "canceled", "unpaid", "incomplete_expired", "paused"].map((s) => statusOf(s as Stripe.Subscription.Status))).toEqual([
      "active",
      "trialing",
      "past_due",
      null,
      "canceled",
      "canceled",
      "canceled",
      "canceled",
    ]);
  });

  it("counts a price per month: monthly as is, yearly a twelfth, weekly 52 a year, times the quantity", () => {
    expect(monthlyCents({ unit_amount: 900, recurring: { interval: "month", interval_count: 1 } as Stripe.Price.Recurring })).toBe(900);
    expect(monthlyCents({ unit_amount: 9_600, recurring: { interval: "year", interval_count: 1 } as Stripe.Price.Recurring })).toBe(800);
    expect(monthlyCents({ unit_amount: 2_700, recurring: { interval: "month", interval_count: 3 } as Stripe.Price.Recurring })).toBe(900);
    expect(monthlyCents({ unit_amount: 300, recurring: { interval: "week", interval_count: 1 } as Stripe.Price.Recurring })).toBe(1300);
    expect(monthlyCents({ unit_amount: 900, recurring: { interval: "month", interval_count: 1 } as Stripe.Price.Recurring }, 3)).toBe(2700);
  });

  it("takes the plan from the price id; a price that is not one of ours, or an incomplete subscription, changes nothing", () => {
    const periodEnd = new Date("2027-01-31T00:00:00Z");
    expect(readSubscription(config, subscription({ id: "sub_1", customer: "cus_1", price: FAKE_PRICES.team, unitAmount: 2_900, periodEnd }), false)).toEqual({
      kind: "change",
      change: {
        plan: "team",
        status: "active",
        source: "stripe",
        monthlyAmountCents: 2_900,
        currency: "usd",
        stripeCustomerId: "cus_1",
        stripeSubscriptionId: "sub_1",
        currentPeriodEnd: periodEnd,
        cancelAtPeriodEnd: false,
      },
    });
    expect(readSubscription(config, subscription({ customer: "cus_1", price: "price_someone_elses" }), false)).toMatchObject({ kind: "skip" });
    expect(readSubscription(config, subscription({ customer: "cus_1", status: "incomplete" }), false)).toMatchObject({ kind: "skip" });
    expect(readSubscription(config, subscription({ customer: "cus_1", status: "active" }), true)).toMatchObject({ kind: "change", change: { status: "canceled" } });
  });
});
