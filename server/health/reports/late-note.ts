import { REPORT_METRICS, type DayPick, type ReportDay, type WeeklyFigures } from "./figures";
import { formatChange, formatMetric, formatReportDay, metricNoun } from "./format";

/**
 * What the figures of a report made from today's data would say differently from the stored ones,
 * as the note the report shows; null when nothing would change. The correlation is left out: it is
 * the one found when the report was made, and every recompute finds its own.
 */
export function lateDataNote(stored: WeeklyFigures, fresh: WeeklyFigures): string | null {
  const changes: string[] = [];
  for (const metric of REPORT_METRICS) {
    const was = stored.averages[metric];
    const now = fresh.averages[metric];
    const label = metricNoun(metric, stored);
    if (was.value !== now.value) {
      changes.push(`the average ${label} (${show(was.value, (v) => formatMetric(metric, v))} → ${show(now.value, (v) => formatMetric(metric, v))})`);
    } else if (was.change !== now.change) {
      changes.push(`how the ${label} compares with the week before (${show(was.change, (v) => formatChange(metric, v))} → ${show(now.change, (v) => formatChange(metric, v))})`);
    }
  }
  for (const [which, was, now] of [["best", stored.bestDay, fresh.bestDay], ["worst", stored.worstDay, fresh.worstDay]] as const) {
    if (!samePick(was, now)) changes.push(`the ${which} day (${pickText(was)} → ${pickText(now)})`);
  }
  if (changes.length === 0 && !sameDays(stored.days, fresh.days)) changes.push("the daily values in the chart");
  return changes.length ? `Data that arrived after this report was made would change ${joinList(changes)}.` : null;
}

function show(value: number | null, format: (value: number) => string): string {
  return value === null ? "none" : format(value);
}

const DAY_FIELDS = ["date", "score", "sleepSeconds", "hrv", "readiness"] as const satisfies readonly (keyof ReportDay)[];
// Field by field: stored figures come back from jsonb with their keys in another order.
const sameDays = (a: readonly ReportDay[], b: readonly ReportDay[]) => a.length === b.length && a.every((day, i) => DAY_FIELDS.every((f) => day[f] === b[i]![f]));

const samePick = (a: DayPick | null, b: DayPick | null) => a?.date === b?.date && a?.score === b?.score;
const pickText = (pick: DayPick | null) => (pick ? `${formatReportDay(pick.date)}, ${pick.score}` : "none");

function joinList(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
