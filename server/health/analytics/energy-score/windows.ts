/** Statistics over calendar-day windows that slide along a user's history (pure, one pass per series). */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** One value of a series on a day (at most one per day). */
export interface Point {
  day: number;
  value: number;
}

export interface WindowStats {
  /** Points in the window. */
  n: number;
  /** null when the window is empty. */
  mean: number | null;
  /** Sample standard deviation (n − 1); null below 2 points. */
  sd: number | null;
}

/**
 * For each target day t (ascending), the stats of the points with day in [t + from, t + to].
 * Two pointers over the sorted points keep running sums, so a year of targets over a 60-day window
 * costs one pass, not a sort per day. Sums are taken around the first value (a shifted origin), so
 * large values with a small spread (steps, ln HRV) keep their precision.
 */
export function slidingStats(points: readonly Point[], targets: readonly number[], from: number, to: number): WindowStats[] {
  const origin = points[0]?.value ?? 0;
  const out: WindowStats[] = [];
  let head = 0;
  let tail = 0;
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const target of targets) {
    while (head < points.length && points[head]!.day <= target + to) {
      const v = points[head]!.value - origin;
      n++;
      sum += v;
      sumSq += v * v;
      head++;
    }
    while (tail < head && points[tail]!.day < target + from) {
      const v = points[tail]!.value - origin;
      n--;
      sum -= v;
      sumSq -= v * v;
      tail++;
    }
    if (n === 0) {
      sum = 0;
      sumSq = 0;
      out.push({ n, mean: null, sd: null });
      continue;
    }
    const mean = sum / n;
    const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : null;
    out.push({ n, mean: mean + origin, sd: variance === null ? null : Math.sqrt(variance) });
  }
  return out;
}
