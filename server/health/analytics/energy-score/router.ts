import { protectedProcedure, router } from "../../../trpc";
import { setScoreWeightsInput, weightLayersOutput } from "./schemas";
import { resetUserScoreWeights, scoreWeightLayers, setUserScoreWeights } from "./weights-store";

/** The signed-in user's score weights: the layers behind them, an override of their own, a reset. */
export const energyScoreRouter = router({
  weights: protectedProcedure.output(weightLayersOutput).query(({ ctx }) => scoreWeightLayers(ctx.db, ctx.user.id)),
  setWeights: protectedProcedure
    .input(setScoreWeightsInput)
    .output(weightLayersOutput)
    .mutation(({ ctx, input }) => setUserScoreWeights(ctx.db, ctx.user.id, input.weights)),
  resetWeights: protectedProcedure.output(weightLayersOutput).mutation(({ ctx }) => resetUserScoreWeights(ctx.db, ctx.user.id)),
});
