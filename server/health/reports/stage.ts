import type { InsightStage } from "../analytics/stage";
import { addDays } from "../local-date";
import { summaryWeeks } from "../timeseries/summaries";
import { catchUpDemoReports, DEMO_REPORT_WEEKS, demoHistoryIsIn } from "./demo-catch-up";
import { recheckReports, reportsToRecheck } from "./late-check";
import { reportHeads } from "./store";
import { mondayOf } from "./week";

/**
 * Last stage of a recompute (the scores and correlations are fresh): stored reports whose weeks got
 * data since they were made are compared with what that data gives, and the demo account's past
 * weeks get their reports. Two small reads when nothing changed.
 */
export const weeklyReportsStage: InsightStage = {
  name: "weekly-reports",
  async run(ctx) {
    const heads = await reportHeads(ctx.db, ctx.userId);
    const oldest = [...heads.map((h) => h.weekStart), addDays(mondayOf(ctx.today), -7 * DEMO_REPORT_WEEKS)].sort()[0]!;
    const weeks = await summaryWeeks(ctx.db, ctx.userId, addDays(oldest, -7), ctx.today);
    const history = { summaries: ctx.days, scores: ctx.scores };
    await recheckReports(ctx.db, reportsToRecheck(heads, weeks), history);
    if (await demoHistoryIsIn(ctx.db, ctx.userId)) await catchUpDemoReports(ctx.db, ctx.userId, ctx.today, { heads, weeks }, history);
  },
};
