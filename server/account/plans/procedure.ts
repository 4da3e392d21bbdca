import { AppError } from "@/server/errors";
import { protectedProcedure } from "@/server/trpc";
import { cheapestPlanWith, PLANS, type FlagFeature, type MeteredFeature, type PlanId } from "./catalog";
import { historyWindow } from "./history";
import { currentPlan } from "./subscriptions";
import { FEATURE_NAMES } from "./labels";
import { PLAN_ERROR_REASONS } from "./reasons";
import { giveBackUse, takeUse, usageDay } from "./usage";

export { PLAN_ERROR_REASONS };

export function upgradeRequired(feature: FlagFeature, plan: PlanId): AppError {
  const needed = cheapestPlanWith(feature);
  return new AppError("FORBIDDEN", `${FEATURE_NAMES[feature]}: included in the ${PLANS[needed].name} plan, not in your ${PLANS[plan].name} plan. Upgrade to use it.`, {
    reason: PLAN_ERROR_REASONS.upgradeRequired,
    details: { feature, plan, requiredPlan: needed },
  });
}

function dailyLimitReached(feature: MeteredFeature, plan: PlanId, limit: number): AppError {
  const better = (["pro", "team"] as const).find((id) => (PLANS[id].entitlements.perDay[feature] ?? Infinity) > limit);
  const offer = better ? ` Upgrade to ${PLANS[better].name} for more.` : "";
  return new AppError("TOO_MANY_REQUESTS", `${FEATURE_NAMES[feature]}: your ${PLANS[plan].name} plan allows ${limit} a day, and today's are used.${offer}`, {
    reason: better ? PLAN_ERROR_REASONS.upgradeRequired : PLAN_ERROR_REASONS.dailyLimit,
    details: { feature, plan, limit, ...(better ? { requiredPlan: better } : {}) },
  });
}

/** A procedure only plans that include `feature` may call; others get the upgrade message. */
export function entitledProcedure(feature: FlagFeature) {
  return protectedProcedure.use(async ({ ctx, next }) => {
    const plan = await currentPlan(ctx.db, ctx.user.id);
    if (!PLANS[plan].entitlements.flags[feature]) throw upgradeRequired(feature, plan);
    return next({ ctx: { ...ctx, plan } });
  });
}

/**
 * A procedure that uses one of the plan's daily allowance of `feature` (counted per local day of
 * the user). A call that fails gives its use back.
 */
export function meteredProcedure(feature: MeteredFeature) {
  return protectedProcedure.use(async ({ ctx, next }) => {
    const plan = await currentPlan(ctx.db, ctx.user.id);
    const limit = PLANS[plan].entitlements.perDay[feature];
    const day = await usageDay(ctx.db, ctx.user.id);
    if ((await takeUse(ctx.db, ctx.user.id, feature, day, limit)) === null) throw dailyLimitReached(feature, plan, limit ?? 0);
    const result = await next({ ctx: { ...ctx, plan } });
    if (!result.ok) await giveBackUse(ctx.db, ctx.user.id, feature, day);
    return result;
  });
}

/**
 * A read of the user's history: `ctx.history` is the window their plan allows (history length from
 * the catalog); the procedure clamps its range with clampRange(input, ctx.history.start).
 */
export const historyProcedure = protectedProcedure.use(async ({ ctx, next }) => next({ ctx: { ...ctx, history: await historyWindow(ctx.db, ctx.user.id) } }));

