import { z } from "zod";
import { isoDate } from "../../inputs";
import { clampRange } from "../../account/plans/history";
import { historyProcedure } from "../../account/plans/procedure";
import { protectedProcedure, router } from "../../trpc";
import { latestSummary, summariesBetween, type DailySummary } from "./summaries";

const summaryView = z.object({
  localDate: z.string(),
  values: z.record(z.string(), z.number()),
  sources: z.record(z.string(), z.string()),
  rolling: z.record(z.string(), z.object({ avg7: z.number().nullable(), avg28: z.number().nullable(), baseline: z.number().nullable() })),
});

const view = (row: DailySummary): z.infer<typeof summaryView> => ({
  localDate: row.localDate,
  values: row.values,
  sources: row.sources,
  rolling: row.rolling,
});

/** Read side of the time series: the per-day rollups the pages chart. */
export const timeseriesRouter = router({
  latest: protectedProcedure.meta({ openapi: { method: "GET", path: "/daily-summaries/latest", operationId: "getLatestDailySummary", tags: ["daily-summaries"], summary: "The most recent day rolled up, or null." } }).output(summaryView.nullable()).query(async ({ ctx }) => {
    const row = await latestSummary(ctx.db, ctx.user.id);
    return row ? view(row) : null;
  }),
  range: historyProcedure
    .meta({ openapi: { method: "GET", path: "/daily-summaries", operationId: "listDailySummaries", tags: ["daily-summaries"], summary: "Per-day rollups between two dates (at most the range the app allows)." } })
    .input(z.object({ from: isoDate, to: isoDate }))
    .output(z.array(summaryView))
    .query(async ({ ctx, input }) => {
      const range = clampRange(input, ctx.history.start);
      return range ? (await summariesBetween(ctx.db, ctx.user.id, range.from, range.to)).map(view) : [];
    }),
});
