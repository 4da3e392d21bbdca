import type { DayValues } from "../../timeseries/rolling";
import type { ScoredDay } from "../stage";
import { FORECAST_METRICS, type ForecastMetric } from "../types";
import type { ForecastBounds } from "./forecast";

/** What a forecast of each metric may not leave: the score is 0–100, the measures are not negative. */
export const FORECAST_BOUNDS: Record<ForecastMetric, ForecastBounds> = {
  score: { min: 0, max: 100 },
  hrv_rmssd: { min: 0, max: Infinity },
  resting_heart_rate: { min: 0, max: Infinity },
  sleep_asleep_seconds: { min: 0, max: 86_400 },
};

/** Each forecast metric's daily values: the score of scored days, the others from the daily summaries. */
export function forecastSeries(days: DayValues[], scores: ScoredDay[]): Record<ForecastMetric, Map<string, number>> {
  const out = Object.fromEntries(FORECAST_METRICS.map((m) => [m, new Map<string, number>()])) as Record<ForecastMetric, Map<string, number>>;
  for (const day of scores) if (day.state === "scored" && day.score !== null) out.score.set(day.date, day.score);
  for (const day of days) {
    for (const metric of FORECAST_METRICS) {
      const v = day.values[metric];
      if (metric !== "score" && typeof v === "number" && Number.isFinite(v)) out[metric].set(day.date, v);
    }
  }
  return out;
}
