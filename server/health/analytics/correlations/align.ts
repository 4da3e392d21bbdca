const DAY_MS = 86_400_000;

/** A series keyed by day number (days since 1970-01-01), so lags are integer offsets. */
export type DayIndexed = Map<number, number>;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function byDayNumber(values: Map<string, number>): DayIndexed {
  const out: DayIndexed = new Map();
  for (const [date, v] of values) out.set(dayNumber(date), v);
  return out;
}

/** The pairs (x on day d, y on day d + lag) for every d where both have a value, in day order. */
export function alignPairs(x: DayIndexed, y: DayIndexed, lag: number): { xs: number[]; ys: number[] } {
  const days = [...x.keys()].filter((d) => y.has(d + lag)).sort((a, b) => a - b);
  return { xs: days.map((d) => x.get(d)!), ys: days.map((d) => y.get(d + lag)!) };
}
