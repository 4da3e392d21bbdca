export interface BackoffOptions {
  /** Delay before the first retry. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, maxMs: 10 * 60_000 };

/** Exponential backoff with ±25 % jitter (so retries of many runs spread out) for the n-th retry (1-based). */
export function retryDelayMs(retry: number, options: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(Math.min(options.maxMs, exponential * (0.75 + random() * 0.5)));
}
