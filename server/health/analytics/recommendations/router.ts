import { z } from "zod";
import { paginated, paginationInput } from "../../../pagination";
import { protectedProcedure, router } from "../../../trpc";
import { recommendationStatus, recommendationView } from "../insights/schemas";
import { countActionPlan, listActionPlan, markRecommendation } from "./action-plan";

/** The action plan: the recommendations the rule engine made, and the user's marks on them. */
export const actionPlanRouter = router({
  list: protectedProcedure
    .input(paginationInput.extend({ status: recommendationStatus.optional() }))
    .output(paginated(recommendationView))
    .query(({ ctx, input }) => listActionPlan(ctx.db, ctx.user.id, input)),
  counts: protectedProcedure.output(z.record(recommendationStatus, z.number())).query(({ ctx }) => countActionPlan(ctx.db, ctx.user.id)),
  mark: protectedProcedure
    .input(z.object({ id: z.uuid(), status: recommendationStatus }))
    .output(recommendationView)
    .mutation(({ ctx, input }) => markRecommendation(ctx.db, ctx.user.id, input.id, input.status)),
});
