import { addDays } from "../../local-date";
import { mondayOf } from "./buckets";

/*
 * The weekly overview (pure): per ISO week (Monday to Sunday, user-local days) the mean of the
 * energy score, time asleep, HRV, resting heart rate and steps over the days that have them, and
 * the change against the week before.
 */

export const WEEKLY_METRICS = ["score", "sleep_asleep_seconds", "hrv_rmssd", "resting_heart_rate", "steps"] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];

export interface WeeklyFigure {
  /** Mean over the week's days with a value (canonical units); null when none has one. */
  avg: number | null;
  days: number;
  /** avg minus the previous week's avg; null when either is missing. */
  change: number | null;
  /** change as a share of the previous week's avg (0.05 = 5 % up). */
  changeRatio: number | null;
}

export interface WeekSummary {
  /** The week's Monday. */
  week: string;
  /** Its Sunday (or today, for the running week). */
  end: string;
  figures: Record<WeeklyMetric, WeeklyFigure>;
}

/** The first day to read for `weeks` weeks ending with today's: one more week for the first change. */
export function weeklyWindowStart(today: string, weeks: number): string {
  return addDays(mondayOf(today), -7 * weeks);
}

/** `days`: per local day the values of WEEKLY_METRICS it has (score included). Oldest week first; weeks without any value are left out. */
export function weeklyOverview(days: readonly { date: string; values: Partial<Record<WeeklyMetric, number>> }[], today: string, weeks: number): WeekSummary[] {
  const firstMonday = weeklyWindowStart(today, weeks);
  const totals = new Map<string, Record<WeeklyMetric, { sum: number; n: number }>>();
  for (const d of days) {
    if (d.date < firstMonday || d.date > today) continue;
    const week = mondayOf(d.date);
    let t = totals.get(week);
    if (!t) totals.set(week, (t = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, { sum: 0, n: 0 }])) as Record<WeeklyMetric, { sum: number; n: number }>));
    for (const m of WEEKLY_METRICS) {
      const v = d.values[m];
      if (typeof v === "number" && Number.isFinite(v)) {
        t[m].sum += v;
        t[m].n += 1;
      }
    }
  }
  const avgOf = (week: string, m: WeeklyMetric) => {
    const t = totals.get(week)?.[m];
    return t && t.n > 0 ? { avg: t.sum / t.n, days: t.n } : { avg: null, days: 0 };
  };
  const out: WeekSummary[] = [];
  for (let i = 1; i <= weeks; i++) {
    const week = addDays(firstMonday, 7 * i);
    const previous = addDays(week, -7);
    const sunday = addDays(week, 6);
    const figures = {} as Record<WeeklyMetric, WeeklyFigure>;
    for (const m of WEEKLY_METRICS) {
      const now = avgOf(week, m);
      const before = avgOf(previous, m).avg;
      const change = now.avg !== null && before !== null ? now.avg - before : null;
      figures[m] = { ...now, change, changeRatio: change !== null && before ? change / Math.abs(before) : null };
    }
    if (WEEKLY_METRICS.some((m) => figures[m].days > 0)) out.push({ week, end: sunday < today ? sunday : today, figures });
  }
  return out;
}
