import Stripe from "stripe";
import type { StripeConfig } from "./config";

/** A Stripe client for `config`, pointed at STRIPE_API_BASE when set (the local fake in tests). */
export function stripeClient(config: StripeConfig): Stripe {
  const base = config.apiBase;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 1,
    timeout: 10_000,
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol === "https:" ? "https" : "http" } : {}),
  });
}
