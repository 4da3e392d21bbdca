import { and, eq, gte, lt, lte, sql } from "drizzle-orm";
import { forecastAccuracy, forecasts } from "@/db/schema";
import { fromIncoming, slicesOf } from "@/db/upsert";
import { addDays } from "../../local-date";
import type { InsightStage } from "../stage";
import { FORECAST_METRICS } from "../types";
import { ACCURACY_HORIZON, ACCURACY_WINDOW_DAYS, scoreForecasts } from "./accuracy";
import { forecastFrom, INTERVAL_COVERAGE } from "./forecast";
import { FORECAST_BOUNDS, forecastSeries } from "./series";

/** On the first run, forecasts are also made as of each of this many days before today. */
export const BACKFILL_DAYS = 30;
/** Stored forecasts whose target day is older than this are deleted. */
export const FORECAST_RETENTION_DAYS = 60;
const UPSERT_CHUNK = 500;

/**
 * Forecasts the next 7 days of each FORECAST_METRICS metric as of today and stores them (a rerun
 * the same day replaces today's). A user with no stored forecasts yet also gets the rolling-origin
 * forecasts made as of each of the 30 days before today, each from the data up to its own origin,
 * so the track record starts full. Then scores the stored horizon-1 forecasts of the last 30 days
 * against what happened (forecast_accuracy) and drops forecasts for days over 60 days ago.
 */
export const forecastStage: InsightStage = {
  name: "forecast",
  async run(ctx) {
    const series = forecastSeries(ctx.days, ctx.scores);
    const [stored] = await ctx.db.select({ one: sql<number>`1` }).from(forecasts).where(eq(forecasts.userId, ctx.userId)).limit(1);
    const origins = stored ? [ctx.today] : Array.from({ length: BACKFILL_DAYS + 1 }, (_, i) => addDays(ctx.today, i - BACKFILL_DAYS));
    const rows = origins.flatMap((madeOn) =>
      FORECAST_METRICS.flatMap((metric) => (forecastFrom(series[metric], madeOn, FORECAST_BOUNDS[metric])?.points ?? []).map((p) => ({ userId: ctx.userId, metric, madeOn, ...p }))),
    );
    for (const slice of slicesOf(rows, UPSERT_CHUNK)) {
      await ctx.db
        .insert(forecasts)
        .values(slice)
        .onConflictDoUpdate({
          target: [forecasts.userId, forecasts.metric, forecasts.madeOn, forecasts.targetDate],
          set: fromIncoming(forecasts, ["horizon", "predicted", "low", "high"]),
        });
    }
    await ctx.db.delete(forecasts).where(and(eq(forecasts.userId, ctx.userId), lt(forecasts.targetDate, addDays(ctx.today, -FORECAST_RETENTION_DAYS))));

    const scored = await ctx.db
      .select({ metric: forecasts.metric, targetDate: forecasts.targetDate, horizon: forecasts.horizon, predicted: forecasts.predicted, low: forecasts.low, high: forecasts.high })
      .from(forecasts)
      .where(
        and(
          eq(forecasts.userId, ctx.userId),
          eq(forecasts.horizon, ACCURACY_HORIZON),
          gte(forecasts.targetDate, addDays(ctx.today, -(ACCURACY_WINDOW_DAYS - 1))),
          lte(forecasts.targetDate, ctx.today),
        ),
      );
    const accuracy = FORECAST_METRICS.map((metric) => ({
      userId: ctx.userId,
      metric,
      computedOn: ctx.today,
      nominalCoverage: INTERVAL_COVERAGE,
      ...scoreForecasts(
        scored.filter((f) => f.metric === metric),
        series[metric],
        ctx.today,
      ),
    }));
    await ctx.db
      .insert(forecastAccuracy)
      .values(accuracy)
      .onConflictDoUpdate({
        target: [forecastAccuracy.userId, forecastAccuracy.metric],
        set: fromIncoming(forecastAccuracy, ["computedOn", "n", "meanAbsoluteError", "coverage", "nominalCoverage"]),
      });
  },
};
