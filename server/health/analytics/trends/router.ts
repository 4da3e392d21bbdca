import type { z } from "zod";
import { clampChartRange, clampRange, clampWeeks } from "@/server/account/plans/history";
import { historyProcedure } from "@/server/account/plans/procedure";
import { router } from "@/server/trpc";
import { zoneOffsetMinutes } from "../../local-date";
import { workoutsPage, type StoredWorkout } from "../../timeseries/sessions";
import { assertSummaryRange } from "../../timeseries/summaries";
import { bandsView, loadView, weeklyView } from "./daily-reads";
import {
  bandsInput,
  bandsOutput,
  loadOutput,
  nightsOutput,
  rangeInput,
  seriesInput,
  seriesOutput,
  weeklyInput,
  weeklyOutput,
  workoutsInput,
  workoutsOutput,
  type workoutView,
} from "./schemas";
import { trendSeries } from "./series";
import { sleepNights } from "./sleep";
import { displayUnit, toDisplay } from "./units";
import { trendViewOf, type TrendView } from "./view";

function workoutOf(w: StoredWorkout, view: TrendView): z.infer<typeof workoutView> {
  return {
    id: w.id,
    date: w.localDate,
    activityType: w.activityType,
    source: w.source,
    start: w.startAt,
    end: w.endAt,
    utcOffsetMinutes: w.utcOffsetMinutes ?? zoneOffsetMinutes(w.startAt, view.timeZone),
    durationSeconds: Math.round((w.endAt.getTime() - w.startAt.getTime()) / 1000),
    energy: w.energyKj === null ? null : toDisplay("active_energy", w.energyKj, view.prefs),
    distance: w.distanceM === null ? null : toDisplay("distance", w.distanceM, view.prefs),
    avgHeartRate: w.avgHeartRate,
    maxHeartRate: w.maxHeartRate,
  };
}

/** Read side of trends: any metric over any range, nights, weeks, load, normal bands, workouts — in the user's zone and units. */
export const trendsRouter = router({
  series: historyProcedure
    .meta({ openapi: { method: "GET", path: "/trends/series", operationId: "getTrendSeries", tags: ["trends"], summary: "One metric over a range, bucketed by hour, day, week or month." } })
    .input(seriesInput)
    .output(seriesOutput)
    .query(async ({ ctx, input }) => trendSeries(ctx.db, ctx.user.id, clampChartRange(input, ctx.history.start), await trendViewOf(ctx.db, ctx.user.id))),
  sleepNights: historyProcedure
    .meta({ openapi: { method: "GET", path: "/trends/sleep-nights", operationId: "listSleepNights", tags: ["trends"], summary: "Nights of sleep with their stages over a range." } })
    .input(rangeInput)
    .output(nightsOutput)
    .query(async ({ ctx, input }) => sleepNights(ctx.db, ctx.user.id, clampChartRange(input, ctx.history.start), await trendViewOf(ctx.db, ctx.user.id))),
  weekly: historyProcedure
    .meta({ openapi: { method: "GET", path: "/trends/weekly", operationId: "getWeeklyTrends", tags: ["trends"], summary: "Week-by-week averages of the last weeks." } })
    .input(weeklyInput)
    .output(weeklyOutput)
    .query(async ({ ctx, input }) => weeklyView(ctx.db, ctx.user.id, clampWeeks(input.weeks, ctx.history), await trendViewOf(ctx.db, ctx.user.id))),
  load: historyProcedure
    .input(rangeInput)
    .output(loadOutput)
    .query(async ({ ctx, input }) => loadView(ctx.db, ctx.user.id, clampChartRange(input, ctx.history.start), await trendViewOf(ctx.db, ctx.user.id))),
  bands: historyProcedure
    .input(bandsInput)
    .output(bandsOutput)
    .query(async ({ ctx, input }) => bandsView(ctx.db, ctx.user.id, clampChartRange(input, ctx.history.start), await trendViewOf(ctx.db, ctx.user.id))),
  workouts: historyProcedure
    .meta({ openapi: { method: "GET", path: "/trends/workouts", operationId: "listWorkouts", tags: ["trends"], summary: "Workouts over a range, paged." } })
    .input(workoutsInput)
    .output(workoutsOutput)
    .query(async ({ ctx, input }) => {
      assertSummaryRange(input.from, input.to);
      const allowed = clampRange(input, ctx.history.start);
      const view = await trendViewOf(ctx.db, ctx.user.id);
      const page = allowed ? await workoutsPage(ctx.db, ctx.user.id, { from: allowed.from, to: allowed.to, cursor: input.cursor, limit: input.limit }) : { items: [], nextCursor: null };
      return {
        items: page.items.map((w) => workoutOf(w, view)),
        nextCursor: page.nextCursor,
        energyUnit: displayUnit("active_energy", view.prefs).label,
        distanceUnit: displayUnit("distance", view.prefs).label,
      };
    }),
});
