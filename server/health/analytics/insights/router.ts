import { z } from "zod";
import { userTimeZone } from "@/server/account/profile/service";
import { isoDate } from "../../../inputs";
import { paginated, paginationInput } from "../../../pagination";
import { clampRange } from "@/server/account/plans/history";
import { historyProcedure } from "@/server/account/plans/procedure";
import { protectedProcedure, router } from "../../../trpc";
import { localDate } from "../../local-date";
import { correlationSummary, listCorrelations } from "./correlations";
import { readDashboard } from "./dashboard";
import { readForecasts } from "./forecast";
import { risksBetween, scoresBetween } from "./history";
import { correlationSummaryView, correlationView, dashboardView, metricForecastView, riskView, scorePointView } from "./schemas";

const range = z.object({ from: isoDate, to: isoDate });

/** The read side of the insights layer: the stored scores, correlations, forecasts and risks. */
export const insightsRouter = router({
  dashboard: protectedProcedure.meta({ openapi: { method: "GET", path: "/summary", operationId: "getSummary", tags: ["summary"], summary: "Today's summary: the energy score, its drivers and the latest day's figures (the dashboard)." } }).output(dashboardView).query(({ ctx }) => readDashboard(ctx.db, ctx.user.id)),
  correlations: protectedProcedure
    .input(paginationInput.extend({ significantOnly: z.boolean().default(true) }))
    .output(paginated(correlationView).extend({ summary: correlationSummaryView }))
    .query(async ({ ctx, input }) => {
      const [page, summary] = await Promise.all([listCorrelations(ctx.db, ctx.user.id, input), correlationSummary(ctx.db, ctx.user.id)]);
      return { ...page, summary };
    }),
  forecast: protectedProcedure.meta({ openapi: { method: "GET", path: "/forecast", operationId: "getForecast", tags: ["insights"], summary: "Forecasts for the coming days, per metric." } }).output(z.array(metricForecastView)).query(async ({ ctx }) => {
    const today = localDate(new Date(), null, await userTimeZone(ctx.db, ctx.user.id));
    return readForecasts(ctx.db, ctx.user.id, today);
  }),
  risks: historyProcedure
    .meta({ openapi: { method: "GET", path: "/risks", operationId: "listRisks", tags: ["insights"], summary: "Risk flags raised between two dates." } })
    .input(range)
    .output(z.array(riskView))
    .query(({ ctx, input }) => {
      const allowed = clampRange(input, ctx.history.start);
      return allowed ? risksBetween(ctx.db, ctx.user.id, allowed.from, allowed.to) : [];
    }),
  scores: historyProcedure
    .meta({ openapi: { method: "GET", path: "/energy-scores", operationId: "listEnergyScores", tags: ["insights"], summary: "Daily energy scores between two dates." } })
    .input(range)
    .output(z.array(scorePointView))
    .query(({ ctx, input }) => {
      const allowed = clampRange(input, ctx.history.start);
      return allowed ? scoresBetween(ctx.db, ctx.user.id, allowed.from, allowed.to) : [];
    }),
});
