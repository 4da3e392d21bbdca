import Stripe from "stripe";
import { FAKE_PRICES, FAKE_WEBHOOK_SECRET } from "./fake-stripe";

/*
 * Stripe events as Stripe sends them (API objects trimmed to the fields BioSync reads, shaped as
 * documented), and their signatures made by the stripe package itself.
 */

let sequence = 0;

export interface SubscriptionFields {
  id?: string;
  customer: string;
  status?: Stripe.Subscription.Status;
  price?: string;
  unitAmount?: number;
  interval?: Stripe.Price.Recurring.Interval;
  periodEnd?: Date;
  cancelAtPeriodEnd?: boolean;
  userId?: string;
}

export function subscriptionObject(fields: SubscriptionFields): Record<string, unknown> {
  const id = fields.id ?? `sub_fake${++sequence}`;
  const periodEnd = Math.floor((fields.periodEnd ?? new Date(Date.now() + 30 * 86_400_000)).getTime() / 1000);
  return {
    id,
    object: "subscription",
    customer: fields.customer,
    status: fields.status ?? "active",
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    cancel_at: null,
    currency: "usd",
    metadata: fields.userId ? { userId: fields.userId } : {},
    items: {
      object: "list",
      data: [
        {
          id: `si_fake${++sequence}`,
          object: "subscription_item",
          quantity: 1,
          current_period_start: periodEnd - 30 * 86_400,
          current_period_end: periodEnd,
          price: {
            id: fields.price ?? FAKE_PRICES.pro,
            object: "price",
            currency: "usd",
            unit_amount: fields.unitAmount ?? 900,
            recurring: { interval: fields.interval ?? "month", interval_count: 1 },
          },
        },
      ],
      has_more: false,
    },
  };
}

export function invoiceObject(customer: string, subscription: string): Record<string, unknown> {
  return {
    id: `in_fake${++sequence}`,
    object: "invoice",
    customer,
    status: "open",
    amount_due: 900,
    parent: { type: "subscription_details", subscription_details: { subscription } },
  };
}

/** An event around `object`, created at `created` (default now). */
export function stripeEvent(type: string, object: Record<string, unknown>, created = new Date()): { id: string; payload: string } {
  const id = `evt_fake${++sequence}`;
  const event = { id, object: "event", api_version: "2026-10-28.endive", created: Math.floor(created.getTime() / 1000), type, livemode: false, pending_webhooks: 1, data: { object } };
  return { id, payload: JSON.stringify(event) };
}

const signer = new Stripe("sk_test_signing_only");

/** The Stripe-Signature header for `payload` (default: the fake's webhook secret). */
export function signatureFor(payload: string, secret = FAKE_WEBHOOK_SECRET): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret });
}
