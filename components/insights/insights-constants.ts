/** Correlations per page of the Insights list (the page prefetches the first). */
export const CORRELATION_PAGE_SIZE = 10;
/** Days of risk history the Insights page lists. */
export const RISK_HISTORY_DAYS = 30;
/** The score history ranges offered, in days; the first page load shows the default. */
export const SCORE_RANGES = [7, 30, 90] as const;
export const DEFAULT_SCORE_RANGE = 30;

/** From/to of the `days` ending on `today` (local dates). */
export function rangeEnding(today: string, days: number): { from: string; to: string } {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}
