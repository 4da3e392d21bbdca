/** The stable reasons the UI recognises (components/plans shows the upgrade message for them). Safe to import from the client. */
export const PLAN_ERROR_REASONS = { upgradeRequired: "plan.upgrade-required", dailyLimit: "plan.daily-limit-reached" } as const;
export type PlanErrorReason = (typeof PLAN_ERROR_REASONS)[keyof typeof PLAN_ERROR_REASONS];
