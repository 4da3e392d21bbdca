import { z } from "zod";
import { userTimeZone } from "../../account/profile/service";
import { isoWeek } from "../../inputs";
import { paginated, paginationInput } from "../../pagination";
import { historyProcedure } from "../../account/plans/procedure";
import { protectedProcedure, router } from "../../trpc";
import { awaitingWeekView, reportSummaryView, reportView, toReportView, toSummaryView } from "./schemas";
import { getReport, listReports, makeReportOnRequest, weeksAwaitingReport } from "./store";
import { todayIn } from "./week";

const weekInput = z.object({ week: isoWeek });

/** Weekly reports: the stored ones, the weeks still without one, and making one of those. */
export const reportsRouter = router({
  list: historyProcedure
    .input(paginationInput)
    .output(paginated(reportSummaryView))
    .query(async ({ ctx, input }) => {
      const page = await listReports(ctx.db, ctx.user.id, input, ctx.history.start);
      return { items: page.items.map(toSummaryView), nextCursor: page.nextCursor };
    }),
  awaiting: protectedProcedure.output(z.array(awaitingWeekView)).query(async ({ ctx }) => {
    const today = todayIn(new Date(), await userTimeZone(ctx.db, ctx.user.id));
    return weeksAwaitingReport(ctx.db, ctx.user.id, today);
  }),
  get: protectedProcedure
    .input(weekInput)
    .output(reportView)
    .query(async ({ ctx, input }) => toReportView(await getReport(ctx.db, ctx.user.id, input.week))),
  make: protectedProcedure
    .input(weekInput)
    .output(reportView)
    .mutation(async ({ ctx, input }) => {
      const today = todayIn(new Date(), await userTimeZone(ctx.db, ctx.user.id));
      return toReportView(await makeReportOnRequest(ctx.db, ctx.user.id, input.week, today));
    }),
});
