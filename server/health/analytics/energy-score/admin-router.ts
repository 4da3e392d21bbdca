import { adminProcedure, router } from "../../../trpc";
import { adminWeightsOutput, setScoreWeightsInput } from "./schemas";
import { adminScoreWeights, setAdminScoreWeights } from "./weights-store";

/** The service's default score weights (mounted as admin.scoreWeights). */
export const scoreWeightsAdminRouter = router({
  get: adminProcedure.output(adminWeightsOutput).query(({ ctx }) => adminScoreWeights(ctx.db)),
  set: adminProcedure
    .input(setScoreWeightsInput)
    .output(adminWeightsOutput)
    .mutation(({ ctx, input }) => setAdminScoreWeights(ctx.db, ctx.user.id, input.weights, ctx.ip)),
});
