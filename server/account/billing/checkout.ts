import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { PLAN_PAGE } from "../plans/labels";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { AppError } from "@/server/errors";
import { PLANS } from "../plans/catalog";
import { getSubscription, planOf } from "../plans/subscriptions";
import { stripeClient } from "./client";
import type { PaidPlan, StripeConfig } from "./config";

/** Where Stripe sends the user back to (the plan page shows a message for each). */

function notConfigured(): AppError {
  return new AppError("UNAVAILABLE", "Payments are not set up on this server: an administrator sets plans.", { reason: "billing.not-configured" });
}

/** Requires Stripe to be configured (the procedures' first step). */
export function requireStripe(config: StripeConfig | null): StripeConfig {
  if (!config) throw notConfigured();
  return config;
}

/**
 * The user's Stripe customer: the one their subscription names, else one found by the user id in
 * its metadata (an earlier checkout that was not completed), else a new one.
 */
export async function customerFor(db: Database, stripe: Stripe, userId: string): Promise<string> {
  const known = (await getSubscription(db, userId))?.stripeCustomerId;
  if (known) return known;
  const found = await stripe.customers.search({ query: `metadata['userId']:'${userId}'`, limit: 1 });
  if (found.data[0]) return found.data[0].id;
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw AppError.notFound("Account");
  const customer = await stripe.customers.create({ email: user.email, ...(user.name ? { name: user.name } : {}), metadata: { userId } }, { idempotencyKey: `customer-${userId}` });
  return customer.id;
}

/** A Checkout Session (subscription mode) for `plan`; its URL is where the browser goes next. */
export async function startCheckout(db: Database, config: StripeConfig, userId: string, plan: PaidPlan): Promise<{ url: string }> {
  const price = config.prices[plan];
  if (!price) throw new AppError("UNAVAILABLE", `The ${PLANS[plan].name} plan has no Stripe price on this server.`, { reason: "billing.not-configured" });
  const current = await getSubscription(db, userId);
  if (planOf(current) === plan) throw AppError.conflict(`You are on the ${PLANS[plan].name} plan already.`);
  if (current?.source === "stripe" && planOf(current) !== "free") throw AppError.conflict("Change your subscription under Manage billing.");
  const stripe = stripeClient(config);
  const customer = await customerFor(db, stripe, userId);
  const back = (checkout: string) => new URL(`${PLAN_PAGE}?checkout=${checkout}`, config.appUrl).toString();
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: userId,
    line_items: [{ price, quantity: 1 }],
    subscription_data: { metadata: { userId, plan } },
    success_url: back("success"),
    cancel_url: back("canceled"),
  });
  if (!session.url) throw new AppError("UNAVAILABLE", "Stripe returned a checkout session without a URL.");
  return { url: session.url };
}

/** A Customer Portal session (change plan, payment method, cancel); only for users who are Stripe customers. */
export async function openPortal(db: Database, config: StripeConfig, userId: string): Promise<{ url: string }> {
  const customer = (await getSubscription(db, userId))?.stripeCustomerId;
  if (!customer) throw AppError.conflict("You have no subscription to manage yet: choose a plan first.");
  const session = await stripeClient(config).billingPortal.sessions.create({ customer, return_url: new URL(PLAN_PAGE, config.appUrl).toString() });
  return { url: session.url };
}
