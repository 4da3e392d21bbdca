import type { FlagFeature, MeteredFeature } from "./catalog";

/** What each feature is called in messages and on the plan page (safe to import from the client). */
export const FEATURE_NAMES: Record<FlagFeature | MeteredFeature, string> = {
  "ai-narrative": "AI summaries",
  "team-dashboard": "The team dashboard",
  exports: "Exports",
  "manual-syncs": "Manual syncs",
};

/** The plan page every upgrade message links to (Stripe Checkout and the portal come back to it too). */
export const PLAN_PAGE = "/settings/plan";
