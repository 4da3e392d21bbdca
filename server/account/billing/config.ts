import { env, type Env } from "@/server/env";
import type { PlanId } from "../plans/catalog";

/** The paid plans Stripe sells. */
export type PaidPlan = Exclude<PlanId, "free">;
export const PAID_PLANS: readonly PaidPlan[] = ["pro", "team"];

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string | null;
  prices: Record<PaidPlan, string | null>;
  /** A different API endpoint (tests: the local fake). */
  apiBase: URL | null;
  appUrl: string;
}

/** Stripe's settings from the environment, or null when no secret key is set (plans are set by an admin). */
export function stripeConfigFrom(e: Env = env()): StripeConfig | null {
  if (!e.STRIPE_SECRET_KEY) return null;
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
    prices: { pro: e.STRIPE_PRICE_PRO ?? null, team: e.STRIPE_PRICE_TEAM ?? null },
    apiBase: e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : null,
    appUrl: e.APP_URL,
  };
}

/** The plan a Stripe price id stands for (null: a price this deployment does not sell). */
export function planOfPrice(config: StripeConfig, priceId: string): PaidPlan | null {
  return PAID_PLANS.find((plan) => config.prices[plan] === priceId) ?? null;
}
