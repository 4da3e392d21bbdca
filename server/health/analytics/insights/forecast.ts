import { and, eq, gt, gte, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { dailySummaries, energyScores, forecastAccuracy, forecasts } from "@/db/schema";
import { addDays, dateRange } from "../../local-date";
import { FORECAST_METRICS, type ForecastMetric } from "../types";
import type { MetricForecastView } from "./schemas";

/** Days of truth (and of day-before forecasts) the forecast chart shows behind the next 7 days. */
export const FORECAST_HISTORY_DAYS = 30;

/**
 * Per forecast metric: the days after today from the newest forecast, the last 30 days as they happened
 * beside the forecast made the day before each (horizon 1), and the stored track record.
 * `today` is the user's local date; history ends there.
 */
export async function readForecasts(db: Database, userId: string, today: string): Promise<MetricForecastView[]> {
  const from = addDays(today, -(FORECAST_HISTORY_DAYS - 1));
  const [latestRows, pastRows, accuracyRows, scoreRows, summaryRows] = await Promise.all([
    db
      .select()
      .from(forecasts)
      .where(
        and(
          eq(forecasts.userId, userId),
          sql`(${forecasts.metric}, ${forecasts.madeOn}) in (select metric, max(made_on) from forecasts where user_id = ${userId} group by metric)`,
          gt(forecasts.targetDate, forecasts.madeOn),
          gt(forecasts.targetDate, today),
        ),
      )
      .orderBy(forecasts.metric, forecasts.targetDate),
    db
      .select()
      .from(forecasts)
      .where(and(eq(forecasts.userId, userId), eq(forecasts.horizon, 1), gte(forecasts.targetDate, from), lte(forecasts.targetDate, today))),
    db.select().from(forecastAccuracy).where(eq(forecastAccuracy.userId, userId)),
    db
      .select({ date: energyScores.localDate, score: energyScores.score })
      .from(energyScores)
      .where(and(eq(energyScores.userId, userId), gte(energyScores.localDate, from), lte(energyScores.localDate, today))),
    db
      .select({ date: dailySummaries.localDate, values: dailySummaries.values })
      .from(dailySummaries)
      .where(and(eq(dailySummaries.userId, userId), gte(dailySummaries.localDate, from), lte(dailySummaries.localDate, today))),
  ]);

  const truth = new Map<string, Map<string, number>>(FORECAST_METRICS.map((metric) => [metric, new Map()]));
  for (const row of scoreRows) if (row.score !== null) truth.get("score")!.set(row.date, row.score);
  for (const row of summaryRows) {
    for (const metric of FORECAST_METRICS) {
      const value = row.values[metric];
      if (metric !== "score" && typeof value === "number") truth.get(metric)!.set(row.date, value);
    }
  }
  const past = new Map(pastRows.map((row) => [`${row.metric}|${row.targetDate}`, row]));

  return FORECAST_METRICS.map((metric: ForecastMetric) => {
    const next = latestRows.filter((row) => row.metric === metric);
    const accuracy = accuracyRows.find((row) => row.metric === metric);
    return {
      metric,
      madeOn: next[0]?.madeOn ?? null,
      next: next.map((row) => ({ date: row.targetDate, horizon: row.horizon, predicted: row.predicted, low: row.low, high: row.high })),
      history: dateRange(from, today).map((date) => {
        const forecast = past.get(`${metric}|${date}`);
        return { date, actual: truth.get(metric)!.get(date) ?? null, predicted: forecast?.predicted ?? null, low: forecast?.low ?? null, high: forecast?.high ?? null };
      }),
      accuracy: accuracy
        ? { computedOn: accuracy.computedOn, n: accuracy.n, meanAbsoluteError: accuracy.meanAbsoluteError, coverage: accuracy.coverage, nominalCoverage: accuracy.nominalCoverage }
        : null,
    };
  });
}
