import { and, eq, gt, ne } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { stripeEvents, type StripeEventOutcome } from "@/db/schema/billing";
import { subscriptions, type Subscription } from "@/db/schema/plans";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { getSubscription, planOf, saveSubscription, type SubscriptionChange } from "../plans/subscriptions";
import { stripeClient } from "./client";
import type { StripeConfig } from "./config";
import { sendPaymentFailedEmail } from "./payment-failed";
import { customerIdOf, readSubscription } from "./subscription-event";

/** What a delivery did: "duplicate" is an event id seen before (nothing changes). */
export type WebhookOutcome = StripeEventOutcome | "duplicate";

export interface WebhookResult {
  outcome: WebhookOutcome;
  eventId: string;
  type: string;
}

const SUBSCRIPTION_EVENTS = new Set(["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"]);

/** The verified event of a delivery: a missing or bad signature (or an old timestamp) is a 400. */
export function verifyStripeEvent(config: StripeConfig, rawBody: string, signature: string | null): Stripe.Event {
  if (!config.webhookSecret) throw new AppError("UNAVAILABLE", "Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET).");
  if (!signature) throw AppError.badRequest("The Stripe-Signature header is missing.");
  try {
    return stripeClient(config).webhooks.constructEvent(rawBody, signature, config.webhookSecret);
  } catch (error) {
    throw AppError.badRequest(`The Stripe signature does not verify: ${error instanceof Error ? error.message : "invalid"}.`);
  }
}

interface Effect {
  outcome: StripeEventOutcome;
  /** Set when a payment failed and the plan went past due: the user to tell once the change is committed. */
  paymentFailedFor?: { userId: string; plan: Subscription["plan"] };
}

/**
 * Handles one verified Stripe event. Its id is stored in the same transaction as its effect: a
 * redelivery (or a concurrent copy) finds it and changes nothing.
 */
export async function handleStripeEvent(db: Database, config: StripeConfig, event: Stripe.Event): Promise<WebhookResult> {
  const customerId = customerOfEvent(event);
  const created = new Date(event.created * 1000);
  const result = await db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, createdAt: created, customerId, outcome: "ignored" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!fresh) return { outcome: "duplicate" as const };
    const effect = await effectOf(tx, config, event, customerId, created);
    if (effect.outcome !== "ignored") await tx.update(stripeEvents).set({ outcome: effect.outcome }).where(eq(stripeEvents.id, event.id));
    return effect;
  });
  if (result.outcome === "ignored") logger.info({ eventId: event.id, type: event.type, customerId }, "Stripe event ignored");
  if ("paymentFailedFor" in result && result.paymentFailedFor) {
    await sendPaymentFailedEmail(db, config, result.paymentFailedFor).catch((error: unknown) =>
      logger.warn({ eventId: event.id, error: error instanceof Error ? error.message : String(error) }, "Stripe: the payment-failed email was not sent"),
    );
  }
  return { outcome: result.outcome, eventId: event.id, type: event.type };
}

function customerOfEvent(event: Stripe.Event): string | null {
  const object = event.data.object as { customer?: string | { id: string } | null };
  return customerIdOf(object.customer ?? null);
}

async function effectOf(db: Database, config: StripeConfig, event: Stripe.Event, customerId: string | null, created: Date): Promise<Effect> {
  const isSubscriptionEvent = SUBSCRIPTION_EVENTS.has(event.type);
  if ((!isSubscriptionEvent && event.type !== "invoice.payment_failed") || !customerId) return { outcome: "ignored" };
  const metadataUser = isSubscriptionEvent ? (event.data.object as Stripe.Subscription).metadata?.userId : undefined;
  const userId = await userOfCustomer(db, customerId, metadataUser);
  if (!userId) return { outcome: "ignored" };
  if (await newerEventApplied(db, customerId, event.id, created)) return { outcome: "stale" };
  const current = await getSubscription(db, userId);

  if (event.type === "invoice.payment_failed") {
    if (!current || planOf(current) === "free") return { outcome: "ignored" };
    await saveSubscription(db, userId, { ...keptFields(current), status: "past_due" });
    return { outcome: "applied", paymentFailedFor: { userId, plan: current.plan } };
  }

  const reading = readSubscription(config, event.data.object as Stripe.Subscription, event.type === "customer.subscription.deleted");
  if (reading.kind === "skip") {
    logger.info({ eventId: event.id, why: reading.why }, "Stripe subscription event without a plan change");
    return { outcome: "ignored" };
  }
  const { change } = reading;
  if (current?.stripeSubscriptionId === change.stripeSubscriptionId && current.status === "canceled" && change.status !== "canceled") {
    // Stripe never revives a canceled subscription: a later-looking event for it is out of order.
    return { outcome: "stale" };
  }
  if (current && current.stripeSubscriptionId !== change.stripeSubscriptionId && planOf(current) !== "free" && change.status === "canceled") {
    // The end of an older subscription does not end the one the user has now.
    return { outcome: "ignored" };
  }
  await saveSubscription(db, userId, change);
  return { outcome: "applied" };
}

/** The fields of the stored subscription a payment failure keeps as they are. */
function keptFields(row: Subscription): SubscriptionChange {
  return {
    plan: row.plan,
    status: row.status,
    source: "stripe",
    monthlyAmountCents: row.monthlyAmountCents,
    currency: row.currency,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
  };
}

/** The user a Stripe customer belongs to: the one whose subscription names it, else the user id checkout put in the metadata. */
async function userOfCustomer(db: Database, customerId: string, metadataUserId: string | undefined): Promise<string | null> {
  const [known] = await db.select({ userId: subscriptions.userId }).from(subscriptions).where(eq(subscriptions.stripeCustomerId, customerId)).limit(1);
  if (known) return known.userId;
  if (!metadataUserId || !/^[0-9a-f-]{36}$/i.test(metadataUserId)) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, metadataUserId)).limit(1);
  return user?.id ?? null;
}

/** Whether an event Stripe created after this one has already changed this customer's subscription. */
async function newerEventApplied(db: Database, customerId: string, eventId: string, created: Date): Promise<boolean> {
  const [newer] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.customerId, customerId), eq(stripeEvents.outcome, "applied"), ne(stripeEvents.id, eventId), gt(stripeEvents.createdAt, created)))
    .limit(1);
  return Boolean(newer);
}
