/** Rolling averages, personal baselines and sleep debt over a user's daily values (pure). */

export interface DayValues {
  date: string;
  values: Record<string, number>;
}

export interface RollingStats {
  avg7: number | null;
  avg28: number | null;
  /** Median of the preceding 60 days (at least 7 of them with data), excluding the day itself. */
  baseline: number | null;
}

/** Keys that are bookkeeping, not measures worth averaging. */
const NOT_AVERAGED = new Set(["sleep_start_epoch", "sleep_end_epoch", "sleep_debt_seconds", "workouts"]);
const DAY_MS = 86_400_000;

export function computeRolling(
  history: DayValues[],
  opts: { from: string; to: string; sleepNeedSeconds: number },
): { date: string; rolling: Record<string, RollingStats>; values: Record<string, number> }[] {
  const sorted = [...history].sort((a, b) => (a.date < b.date ? -1 : 1));
  const index = new Map(sorted.map((d) => [d.date, d]));
  const out = [];
  for (const day of sorted) {
    if (day.date < opts.from || day.date > opts.to) continue;
    const t = Date.parse(`${day.date}T00:00:00Z`);
    const window = (n: number, includeToday: boolean) => {
      const days: DayValues[] = [];
      for (let i = includeToday ? 0 : 1; i < n + (includeToday ? 0 : 1); i++) {
        const d = index.get(new Date(t - i * DAY_MS).toISOString().slice(0, 10));
        if (d) days.push(d);
      }
      return days;
    };
    const last7 = window(7, true);
    const last28 = window(28, true);
    const prior60 = window(60, false);
    const rolling: Record<string, RollingStats> = {};
    for (const key of Object.keys(day.values)) {
      if (NOT_AVERAGED.has(key)) continue;
      rolling[key] = {
        avg7: mean(pick(last7, key)),
        avg28: mean(pick(last28, key)),
        baseline: median(pick(prior60, key), 7),
      };
    }
    const values = { ...day.values };
    // Sleep debt: the shortfall against the need over the last 7 nights (surplus does not bank).
    const nights = pick(last7, "sleep_asleep_seconds");
    if (nights.length && values.sleep_asleep_seconds !== undefined) {
      values.sleep_debt_seconds = Math.round(nights.reduce((acc, s) => acc + Math.max(0, opts.sleepNeedSeconds - s), 0));
    } else {
      delete values.sleep_debt_seconds;
    }
    out.push({ date: day.date, rolling, values });
  }
  return out;
}

function pick(days: DayValues[], key: string): number[] {
  return days.map((d) => d.values[key]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function mean(values: number[]): number | null {
  if (!values.length) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
}

function median(values: number[], minCount: number): number | null {
  if (values.length < minCount) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
