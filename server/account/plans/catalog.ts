import type { PLAN_IDS as SCHEMA_PLAN_IDS, PlanId } from "@/db/schema/plans";

export type { PlanId };

/**
 * The plans, cheapest first: the schema's list (its type keeps the two equal), written here so that
 * pages can read the catalog without loading the database schema into the browser.
 */
export const PLAN_IDS: typeof SCHEMA_PLAN_IDS = ["free", "pro", "team"] as const;

/** Features a plan switches on or off. */
export const FLAG_FEATURES = ["ai-narrative", "team-dashboard"] as const;
export type FlagFeature = (typeof FLAG_FEATURES)[number];

/** Features counted per local day against an allowance (usage_counters.feature). */
export const METERED_FEATURES = ["exports", "manual-syncs"] as const;
export type MeteredFeature = (typeof METERED_FEATURES)[number];

export type Feature = FlagFeature | MeteredFeature | "history";

export interface Entitlements {
  /** How many days back a user can read their history (null: all of it). */
  historyDays: number | null;
  flags: Record<FlagFeature, boolean>;
  /** Uses per local day (null: unlimited). */
  perDay: Record<MeteredFeature, number | null>;
}

export interface PlanDefinition {
  id: PlanId;
  name: string;
  /** The list price per month in cents, used for plans set by hand (Stripe's price wins otherwise). */
  monthlyPriceCents: number;
  tagline: string;
  entitlements: Entitlements;
}

/** What each plan includes. The one place a limit is written down; the guard and the pages read it. */
export const PLANS: Record<PlanId, PlanDefinition> = {
  free: {
    id: "free",
    name: "Free",
    monthlyPriceCents: 0,
    tagline: "Your score, trends and journal for the last 90 days.",
    entitlements: {
      historyDays: 90,
      flags: { "ai-narrative": false, "team-dashboard": false },
      perDay: { exports: 3, "manual-syncs": 5 },
    },
  },
  pro: {
    id: "pro",
    name: "Pro",
    monthlyPriceCents: 900,
    tagline: "All of your history, AI summaries, more exports and syncs.",
    entitlements: {
      historyDays: null,
      flags: { "ai-narrative": true, "team-dashboard": false },
      perDay: { exports: 20, "manual-syncs": 50 },
    },
  },
  team: {
    id: "team",
    name: "Team",
    monthlyPriceCents: 2900,
    tagline: "Everything in Pro, plus an organization with coaches and a team dashboard.",
    entitlements: {
      historyDays: null,
      flags: { "ai-narrative": true, "team-dashboard": true },
      perDay: { exports: 50, "manual-syncs": 100 },
    },
  },
};

/** The cheapest plan that includes a feature (what an upgrade message offers). */
export function cheapestPlanWith(feature: FlagFeature): PlanId {
  const plan = PLAN_IDS.find((id) => PLANS[id].entitlements.flags[feature]);
  if (!plan) throw new Error(`No plan includes ${feature}`);
  return plan;
}
