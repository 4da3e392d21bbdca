import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc";
import { planCatalog, planOverview } from "./overview";
import { currentPlanView, planView } from "./schemas";

/** The user's plan (entitlements, today's usage, subscription) and the plans on offer. */
export const plansRouter = router({
  current: protectedProcedure.output(currentPlanView).query(({ ctx }) => planOverview(ctx.db, ctx.user.id)),
  catalog: protectedProcedure.output(z.array(planView)).query(() => planCatalog()),
});
