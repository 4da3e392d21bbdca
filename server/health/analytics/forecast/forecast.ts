import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { addDays } from "../../local-date";
import { fitModel, forecastAhead, type FittedModel } from "./holt-winters";

/** Days ahead of the origin that are forecast. */
export const FORECAST_HORIZON = 7;
/** Days of history (the origin included) a model is fitted on. */
export const FORECAST_HISTORY_DAYS = 365;
/** No forecast when the newest value is older than this many days before the origin. */
export const MAX_STALENESS_DAYS = 7;
/** The prediction interval's nominal coverage. */
export const INTERVAL_COVERAGE = 0.8;
const Z = normalQuantile((1 + INTERVAL_COVERAGE) / 2, 0, 1);

export interface ForecastPoint {
  targetDate: string;
  horizon: number;
  predicted: number;
  /** The 80% prediction interval. */
  low: number;
  high: number;
}

export interface ForecastBounds {
  min: number;
  max: number;
}

/**
 * The forecast made on `madeOn` for the 7 days after it, from the values up to and including
 * `madeOn` only (the forecast metrics are overnight measures, known by the morning), whatever
 * later values the map holds. Point and interval are clamped into `bounds`. Null with fewer than
 * 14 observed days in the last 365 or nothing in the last week.
 */
export function forecastFrom(values: Map<string, number>, madeOn: string, bounds: ForecastBounds): { points: ForecastPoint[]; model: FittedModel } | null {
  const days = Array.from({ length: FORECAST_HISTORY_DAYS }, (_, i) => addDays(madeOn, i - FORECAST_HISTORY_DAYS + 1));
  const series = days.map((d) => values.get(d) ?? null);
  const newest = series.findLastIndex((v) => v !== null);
  if (newest < 0 || series.length - 1 - newest > MAX_STALENESS_DAYS) return null;
  const model = fitModel(series);
  if (!model) return null;
  const clamp = (v: number) => Math.min(bounds.max, Math.max(bounds.min, v));
  const points = forecastAhead(model, FORECAST_HORIZON).map(({ horizon, mean, sd }) => ({
    targetDate: addDays(madeOn, horizon),
    horizon,
    predicted: clamp(mean),
    low: clamp(mean - Z * sd),
    high: clamp(mean + Z * sd),
  }));
  return { points, model };
}
