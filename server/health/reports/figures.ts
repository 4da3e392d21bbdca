import { addDays } from "../local-date";
import { HRV_MEASURES, type HrvMeasure } from "../analytics/energy-score/day-inputs";
import type { ScoreState } from "../analytics/types";
import { weekDays, weekEndOf, weekLabel } from "./week";

/*
 * A week's report from its daily summaries and stored energy scores: pure, so the weekly job, the
 * "make this report" mutation and the late-data check all compute the same figures.
 */

export const REPORT_METRICS = ["energyScore", "sleepSeconds", "hrv", "readiness"] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

/** Decimals each average (and its change) is kept to: what the page and the email show. */
export const METRIC_DECIMALS: Record<ReportMetric, number> = { energyScore: 1, sleepSeconds: 0, hrv: 1, readiness: 1 };

/** A provider's readiness score of the day, else its recovery score (both 0–100). */
export const READINESS_KEYS = ["readiness", "recovery"] as const;
/** The summary value holding a night's time asleep (the night counts toward its wake-up day). */
export const SLEEP_KEY = "sleep_asleep_seconds";

export interface MetricAverage {
  /** Mean over the week's days that have the metric; null when none has. */
  value: number | null;
  /** Days of the week that have it. */
  days: number;
  /** The same mean over the week before. */
  previous: number | null;
  /** value − previous, when both exist. */
  change: number | null;
}

export interface ReportDay {
  date: string;
  score: number | null;
  sleepSeconds: number | null;
  hrv: number | null;
  readiness: number | null;
}

export interface DayPick {
  date: string;
  score: number;
}

export interface ReportCorrelation {
  x: string;
  y: string;
  lag: number;
  strength: "weak" | "moderate" | "strong";
  sentence: string;
  /** The day of the recompute that found it. */
  computedOn: string;
}

export interface WeeklyFigures {
  version: 1;
  week: string;
  weekStart: string;
  weekEnd: string;
  averages: Record<ReportMetric, MetricAverage>;
  /** Which HRV the averages use: rMSSD when the week has it, else SDNN (never mixed). */
  hrvMeasure: HrvMeasure | null;
  /** By energy score among the scored days; a tie goes to the earlier day. Null with fewer than two scored days. */
  bestDay: DayPick | null;
  worstDay: DayPick | null;
  /** The strongest significant correlation stored when the report was made. */
  correlation: ReportCorrelation | null;
  /** Monday to Sunday, for the chart. */
  days: ReportDay[];
}

export interface FigureInputs {
  weekStart: string;
  /** Daily summary values; days outside the week and the week before are ignored. */
  summaries: readonly { date: string; values: Record<string, number> }[];
  /** Stored energy scores; only scored days count. */
  scores: readonly { date: string; state: ScoreState; score: number | null }[];
  correlation: ReportCorrelation | null;
}

export function computeWeekFigures(input: FigureInputs): WeeklyFigures {
  const values = new Map(input.summaries.map((s) => [s.date, s.values]));
  const scores = new Map(input.scores.filter((s) => s.state === "scored" && s.score !== null).map((s) => [s.date, s.score!]));
  const thisWeek = weekDays(input.weekStart);
  const weekBefore = weekDays(addDays(input.weekStart, -7));
  const hrvMeasure = HRV_MEASURES.find((m) => thisWeek.some((d) => values.get(d)?.[m] !== undefined)) ?? null;
  const dayOf = (date: string): ReportDay => {
    const v = values.get(date) ?? {};
    return {
      date,
      score: scores.get(date) ?? null,
      sleepSeconds: v[SLEEP_KEY] ?? null,
      hrv: hrvMeasure ? (v[hrvMeasure] ?? null) : null,
      readiness: READINESS_KEYS.map((k) => v[k]).find((x) => x !== undefined) ?? null,
    };
  };
  const days = thisWeek.map(dayOf);
  const before = weekBefore.map(dayOf);
  const averages = Object.fromEntries(REPORT_METRICS.map((metric) => [metric, averageOf(metric, days, before)])) as Record<ReportMetric, MetricAverage>;
  const scored = days.filter((d): d is ReportDay & { score: number } => d.score !== null);
  const pick = (better: (a: number, b: number) => boolean) =>
    scored.length < 2 ? null : scored.reduce((kept, d) => (better(d.score, kept.score) ? d : kept));
  const best = pick((a, b) => a > b);
  const worst = pick((a, b) => a < b);
  return {
    version: 1,
    week: weekLabel(input.weekStart),
    weekStart: input.weekStart,
    weekEnd: weekEndOf(input.weekStart),
    averages,
    hrvMeasure,
    bestDay: best ? { date: best.date, score: best.score } : null,
    worstDay: worst ? { date: worst.date, score: worst.score } : null,
    correlation: input.correlation,
    days,
  };
}

const COLUMN: Record<ReportMetric, keyof Omit<ReportDay, "date">> = { energyScore: "score", sleepSeconds: "sleepSeconds", hrv: "hrv", readiness: "readiness" };

function averageOf(metric: ReportMetric, days: readonly ReportDay[], before: readonly ReportDay[]): MetricAverage {
  const decimals = METRIC_DECIMALS[metric];
  const present = (list: readonly ReportDay[]) => list.map((d) => d[COLUMN[metric]]).filter((v): v is number => v !== null);
  const mean = (list: number[]) => (list.length ? roundTo(list.reduce((a, b) => a + b, 0) / list.length, decimals) : null);
  const week = present(days);
  const value = mean(week);
  const previous = mean(present(before));
  return { value, days: week.length, previous, change: value !== null && previous !== null ? roundTo(value - previous, decimals) : null };
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
