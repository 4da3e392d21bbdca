import { z } from "zod";
import { SUBSCRIPTION_SOURCES, SUBSCRIPTION_STATUSES } from "@/db/schema/plans";
import { FLAG_FEATURES, METERED_FEATURES, PLAN_IDS } from "./catalog";

/* The plan procedures' outputs (safe to import from the client). */

export const entitlementsView = z.object({
  historyDays: z.number().nullable(),
  flags: z.record(z.enum(FLAG_FEATURES), z.boolean()),
  perDay: z.record(z.enum(METERED_FEATURES), z.number().nullable()),
});

export const planView = z.object({
  id: z.enum(PLAN_IDS),
  name: z.string(),
  monthlyPriceCents: z.number(),
  tagline: z.string(),
  entitlements: entitlementsView,
});
export type PlanView = z.infer<typeof planView>;

export const usageView = z.object({ feature: z.enum(METERED_FEATURES), used: z.number(), limit: z.number().nullable() });
export type UsageView = z.infer<typeof usageView>;

export const currentPlanView = z.object({
  plan: planView,
  /** Today's uses of each metered feature, counted on the user's local day. */
  usage: z.array(usageView),
  day: z.string(),
  timeZone: z.string(),
  /** The first local date the plan lets the user read (null: all of their history). */
  historyStart: z.string().nullable(),
  subscription: z
    .object({
      status: z.enum(SUBSCRIPTION_STATUSES),
      source: z.enum(SUBSCRIPTION_SOURCES),
      currentPeriodEnd: z.date().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      /** Whether the Customer Portal can open (the user is a Stripe customer). */
      manageable: z.boolean(),
    })
    .nullable(),
  /** Whether this server sells plans through Stripe (else an administrator sets them). */
  stripeConfigured: z.boolean(),
  /** The plans a checkout can start for (those with a Stripe price on this server). */
  checkoutPlans: z.array(z.enum(PLAN_IDS)),
  /** Whether the server can narrate at all (an AI key is set): the AI upgrade hint only makes sense then. */
  aiConfigured: z.boolean(),
});
export type CurrentPlanView = z.infer<typeof currentPlanView>;
