import { addDays } from "../../local-date";

/** The track record covers forecasts for the 30 days up to and including today. */
export const ACCURACY_WINDOW_DAYS = 30;
/**
 * The track record scores horizon-1 forecasts (each day's forecast made the day before): one
 * forecast per target day, so every day counts once and the figure means "how far off tomorrow's
 * forecast has been". Longer horizons are stored and shown but not in this figure.
 */
export const ACCURACY_HORIZON = 1;

export interface StoredForecast {
  targetDate: string;
  horizon: number;
  predicted: number;
  low: number;
  high: number;
}

export interface Accuracy {
  /** Forecast/truth pairs scored. */
  n: number;
  meanAbsoluteError: number | null;
  /** Share of truths inside the interval, ends included. */
  coverage: number | null;
}

/** MAE and interval coverage of the stored horizon-1 forecasts for target days in the window that have a truth. */
export function scoreForecasts(forecasts: StoredForecast[], truths: Map<string, number>, today: string): Accuracy {
  const from = addDays(today, -(ACCURACY_WINDOW_DAYS - 1));
  let n = 0;
  let absoluteError = 0;
  let inside = 0;
  for (const f of forecasts) {
    const truth = truths.get(f.targetDate);
    if (f.horizon !== ACCURACY_HORIZON || f.targetDate < from || f.targetDate > today || truth === undefined) continue;
    n++;
    absoluteError += Math.abs(truth - f.predicted);
    if (truth >= f.low && truth <= f.high) inside++;
  }
  return n ? { n, meanAbsoluteError: absoluteError / n, coverage: inside / n } : { n: 0, meanAbsoluteError: null, coverage: null };
}
