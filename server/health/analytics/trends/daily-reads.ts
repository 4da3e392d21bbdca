import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores } from "@/db/schema";
import { addDays } from "../../local-date";
import { assertSummaryRange, summariesBetween } from "../../timeseries/summaries";
import type { BaselineMetric } from "../types";
import { loadZone, trainingLoad, type LoadMeasure, type LoadZone } from "./load";
import { deltaToDisplay, displayUnit, toDisplay } from "./units";
import type { TrendView } from "./view";
import { WEEKLY_METRICS, weeklyOverview, weeklyWindowStart, type WeeklyMetric } from "./weekly";

/* Reads over the stored daily rows (daily summaries and energy scores), in the user's units. */

async function scoresBetween(db: Database, userId: string, from: string, to: string) {
  return db
    .select({ date: energyScores.localDate, score: energyScores.score, metrics: energyScores.metrics })
    .from(energyScores)
    .where(and(eq(energyScores.userId, userId), gte(energyScores.localDate, from), lte(energyScores.localDate, to)))
    .orderBy(asc(energyScores.localDate));
}

export interface WeeklyFigureView {
  avg: number | null;
  days: number;
  change: number | null;
  changeRatio: number | null;
}

export interface WeeklyView {
  units: Record<WeeklyMetric, { unit: string; decimals: number }>;
  weeks: { week: string; end: string; figures: Record<WeeklyMetric, WeeklyFigureView> }[];
}

export async function weeklyView(db: Database, userId: string, weeks: number, view: TrendView): Promise<WeeklyView> {
  const from = weeklyWindowStart(view.today, weeks);
  const [summaries, scores] = [await summariesBetween(db, userId, from, view.today), await scoresBetween(db, userId, from, view.today)];
  const byDate = new Map<string, Partial<Record<WeeklyMetric, number>>>();
  for (const s of summaries) byDate.set(s.localDate, Object.fromEntries(WEEKLY_METRICS.filter((m) => m !== "score" && typeof s.values[m] === "number").map((m) => [m, s.values[m]!])));
  for (const s of scores) if (s.score !== null) byDate.set(s.date, { ...byDate.get(s.date), score: s.score });
  const overview = weeklyOverview([...byDate].map(([date, values]) => ({ date, values })), view.today, weeks);
  const units = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, { unit: displayUnit(m, view.prefs).label, decimals: displayUnit(m, view.prefs).decimals }])) as WeeklyView["units"];
  return {
    units,
    weeks: overview.map((w) => ({
      ...w,
      figures: Object.fromEntries(
        WEEKLY_METRICS.map((m) => {
          const f = w.figures[m];
          return [m, { ...f, avg: f.avg === null ? null : toDisplay(m, f.avg, view.prefs), change: f.change === null ? null : deltaToDisplay(m, f.change, view.prefs) }];
        }),
      ) as Record<WeeklyMetric, WeeklyFigureView>,
    })),
  };
}

export interface LoadView {
  measure: LoadMeasure;
  unit: string;
  decimals: number;
  days: { date: string; load: number | null; acute: number | null; chronic: number | null; ratio: number | null }[];
  latest: { date: string; ratio: number; zone: LoadZone } | null;
}

export async function loadView(db: Database, userId: string, range: { from: string; to: string }, view: TrendView): Promise<LoadView> {
  assertSummaryRange(range.from, range.to);
  // The chronic mean of the first day looks 27 days back: read them as a second range.
  const before = await summariesBetween(db, userId, addDays(range.from, -27), addDays(range.from, -1));
  const within = await summariesBetween(db, userId, range.from, range.to);
  const { measure, days } = trainingLoad([...before, ...within].map((s) => ({ date: s.localDate, values: s.values })), range.from, range.to);
  const u = displayUnit(measure, view.prefs);
  const shown = (v: number | null) => (v === null ? null : toDisplay(measure, v, view.prefs));
  const latest = [...days].reverse().find((d) => d.ratio !== null);
  return {
    measure,
    unit: u.label,
    decimals: u.decimals,
    days: days.map((d) => ({ date: d.date, load: shown(d.load), acute: shown(d.acute), chronic: shown(d.chronic), ratio: d.ratio })),
    latest: latest ? { date: latest.date, ratio: latest.ratio!, zone: loadZone(latest.ratio!) } : null,
  };
}

export interface BandsView {
  metric: BaselineMetric;
  unit: string;
  decimals: number;
  /** Days the score stage stored a normal range for, oldest first. */
  days: { date: string; value: number | null; mean: number; low: number; high: number; sd: number; baselineDays: number }[];
}

/** The personal normal band per day, as the energy score stage stored it (energy_scores.metrics). */
export async function bandsView(db: Database, userId: string, q: { metric: BaselineMetric; from: string; to: string }, view: TrendView): Promise<BandsView> {
  assertSummaryRange(q.from, q.to);
  const rows = await scoresBetween(db, userId, q.from, q.to);
  const u = displayUnit(q.metric, view.prefs);
  const shown = (v: number) => toDisplay(q.metric, v, view.prefs);
  const days: BandsView["days"] = [];
  for (const r of rows) {
    const entry = r.metrics[q.metric];
    const b = entry?.baseline;
    if (!b) continue;
    days.push({
      date: r.date,
      value: entry.value === null ? null : shown(entry.value),
      mean: shown(b.mean),
      low: shown(b.low),
      high: shown(b.high),
      sd: deltaToDisplay(q.metric, b.sd, view.prefs),
      baselineDays: b.days,
    });
  }
  return { metric: q.metric, unit: u.label, decimals: u.decimals, days };
}
