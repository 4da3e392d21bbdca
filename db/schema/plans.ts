import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** The plans BioSync sells (server/account/plans/catalog.ts says what each includes). */
export const PLAN_IDS = ["free", "pro", "team"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/**
 * "active"/"trialing": the plan applies; "past_due": a payment failed, the plan still applies until
 * Stripe gives up; "canceled": the user is back on free.
 */
export const SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due", "canceled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Who set the plan: an admin by hand, or Stripe's subscription lifecycle. */
export const SUBSCRIPTION_SOURCES = ["manual", "stripe"] as const;
export type SubscriptionSource = (typeof SUBSCRIPTION_SOURCES)[number];

/** One row per user who ever left the free plan; no row means free. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    plan: text("plan", { enum: PLAN_IDS }).notNull(),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
    source: text("source", { enum: SUBSCRIPTION_SOURCES }).notNull(),
    /** What the subscription brings in per month, in cents (Stripe's price, or the catalog price for a manual plan). */
    monthlyAmountCents: integer("monthly_amount_cents").notNull().default(0),
    currency: text("currency").notNull().default("usd"),
    stripeCustomerId: text("stripe_customer_id").unique(),
    stripeSubscriptionId: text("stripe_subscription_id").unique(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index("subscriptions_plan_status_idx").on(t.plan, t.status), check("subscriptions_amount", sql`${t.monthlyAmountCents} >= 0`)],
);

export type Subscription = typeof subscriptions.$inferSelect;

/**
 * How often a user used a metered feature on one local day (the user's time zone): the daily
 * allowances of server/account/plans/catalog.ts count these.
 */
export const usageCounters = pgTable(
  "usage_counters",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    feature: text("feature").notNull(),
    day: date("day").notNull(),
    count: integer("count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.userId, t.feature, t.day] }), check("usage_counters_count", sql`${t.count} >= 0`)],
);
