import { formatDuration, formatSigned, MINUS } from "../analytics/energy-score/format";
import { METRIC_DECIMALS, type ReportMetric, type WeeklyFigures } from "./figures";

/** How the page, the email and the late-data note write a report's numbers. */

export const METRIC_LABELS: Record<ReportMetric, string> = {
  energyScore: "Energy score",
  sleepSeconds: "Sleep",
  hrv: "HRV",
  readiness: "Readiness",
};

export function formatMetric(metric: ReportMetric, value: number): string {
  if (metric === "sleepSeconds") return formatDuration(value);
  const text = value.toFixed(METRIC_DECIMALS[metric]);
  return metric === "hrv" ? `${text} ms` : text;
}

/** A change from the week before: "+1.2", "−35 min", "±0". */
export function formatChange(metric: ReportMetric, change: number): string {
  if (metric === "sleepSeconds") {
    if (Math.round(change / 60) === 0) return "±0 min";
    return `${change > 0 ? "+" : MINUS}${formatDuration(change)}`;
  }
  const text = formatSigned(change, METRIC_DECIMALS[metric]);
  const signed = Number(text.replace(MINUS, "-")) === 0 ? `±${text}` : text;
  return metric === "hrv" ? `${signed} ms` : signed;
}

/** "Mon 23 Nov" (a local date, written as such whatever the reader's zone). */
export function formatReportDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** "23–29 Nov 2026", or across months "30 Nov – 6 Dec 2026". */
export function formatWeekRange(figures: Pick<WeeklyFigures, "weekStart" | "weekEnd">): string {
  const part = (date: string, options: Intl.DateTimeFormatOptions) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { ...options, timeZone: "UTC" });
  const sameMonth = figures.weekStart.slice(0, 7) === figures.weekEnd.slice(0, 7);
  const end = part(figures.weekEnd, { day: "numeric", month: "short", year: "numeric" });
  return sameMonth ? `${Number(figures.weekStart.slice(8))}–${end}` : `${part(figures.weekStart, { day: "numeric", month: "short" })} – ${end}`;
}

/** "HRV (rMSSD)" where the measure matters. */
export function metricLabel(metric: ReportMetric, figures: Pick<WeeklyFigures, "hrvMeasure">): string {
  if (metric === "hrv" && figures.hrvMeasure) return `HRV (${figures.hrvMeasure === "hrv_sdnn" ? "SDNN" : "rMSSD"})`;
  return METRIC_LABELS[metric];
}

/** The label inside a sentence: "energy score", "HRV (rMSSD)". */
export function metricNoun(metric: ReportMetric, figures: Pick<WeeklyFigures, "hrvMeasure">): string {
  return metric === "hrv" ? metricLabel(metric, figures) : METRIC_LABELS[metric].toLowerCase();
}
