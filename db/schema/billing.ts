import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** What handling a Stripe event did: changed a subscription, or nothing (unknown customer, older than the state, not ours). */
export const STRIPE_EVENT_OUTCOMES = ["applied", "ignored", "stale"] as const;
export type StripeEventOutcome = (typeof STRIPE_EVENT_OUTCOMES)[number];

/**
 * Every Stripe event handled, by Stripe's event id: written in the same transaction as the event's
 * effect, so a redelivered event changes nothing. Holds no user id (the customer id is Stripe's).
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** When Stripe created the event: an event older than the last applied one for its customer is stale. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    customerId: text("customer_id"),
    outcome: text("outcome", { enum: STRIPE_EVENT_OUTCOMES }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stripe_events_customer_created_idx").on(t.customerId, t.createdAt)],
);

export type StripeEventRow = typeof stripeEvents.$inferSelect;
