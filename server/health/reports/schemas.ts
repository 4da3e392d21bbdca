import { z } from "zod";
import type { WeeklyReport } from "@/db/schema/reports";
import { HRV_MEASURES } from "../analytics/energy-score/day-inputs";

const metricAverage = z.object({ value: z.number().nullable(), days: z.number().int(), previous: z.number().nullable(), change: z.number().nullable() });
const averages = z.object({ energyScore: metricAverage, sleepSeconds: metricAverage, hrv: metricAverage, readiness: metricAverage });
const dayPick = z.object({ date: z.string(), score: z.number() });

export const weeklyFiguresView = z.object({
  version: z.literal(1),
  week: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  averages,
  hrvMeasure: z.enum(HRV_MEASURES).nullable(),
  bestDay: dayPick.nullable(),
  worstDay: dayPick.nullable(),
  correlation: z
    .object({ x: z.string(), y: z.string(), lag: z.number().int(), strength: z.enum(["weak", "moderate", "strong"]), sentence: z.string(), computedOn: z.string() })
    .nullable(),
  days: z.array(z.object({ date: z.string(), score: z.number().nullable(), sleepSeconds: z.number().nullable(), hrv: z.number().nullable(), readiness: z.number().nullable() })),
});

/** A report in the list: its week and headline averages. */
export const reportSummaryView = z.object({
  id: z.uuid(),
  week: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  hrvMeasure: z.enum(HRV_MEASURES).nullable(),
  averages,
  late: z.boolean(),
});
export type ReportSummaryView = z.infer<typeof reportSummaryView>;

export const reportView = z.object({
  id: z.uuid(),
  computedAt: z.date(),
  lateNote: z.string().nullable(),
  figures: weeklyFiguresView,
});
export type ReportView = z.infer<typeof reportView>;

export const awaitingWeekView = z.object({ week: z.string(), weekStart: z.string(), weekEnd: z.string(), days: z.number().int() });
export type AwaitingWeekView = z.infer<typeof awaitingWeekView>;

export function toSummaryView(report: WeeklyReport): ReportSummaryView {
  const { week, weekStart, weekEnd, hrvMeasure, averages } = report.figures;
  return { id: report.id, week, weekStart, weekEnd, hrvMeasure, averages, late: report.lateNote !== null };
}

export function toReportView(report: WeeklyReport): ReportView {
  return { id: report.id, computedAt: report.computedAt, lateNote: report.lateNote, figures: report.figures };
}
