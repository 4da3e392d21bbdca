import type { WeeklyFigures } from "@/server/health/reports/figures";
import { REPORT_METRICS } from "@/server/health/reports/figures";
import { formatMetric, metricLabel } from "@/server/health/reports/format";
import { ChangeBadge } from "./change-badge";

/** The four averages of a week, each with its change from the week before. */
export function AverageTiles({ figures, compact = false }: { figures: Pick<WeeklyFigures, "averages" | "hrvMeasure">; compact?: boolean }) {
  return (
    <dl className={compact ? "grid grid-cols-2 gap-3 sm:grid-cols-4" : "grid grid-cols-2 gap-4 lg:grid-cols-4"}>
      {REPORT_METRICS.map((metric) => {
        const average = figures.averages[metric];
        return (
          <div key={metric} className="flex flex-col gap-1 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`average-${metric}`}>
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{metricLabel(metric, figures)}</dt>
            <dd className={compact ? "text-lg font-semibold" : "text-2xl font-semibold"}>{average.value === null ? "—" : formatMetric(metric, average.value)}</dd>
            <dd>
              <ChangeBadge metric={metric} average={average} />
            </dd>
            {!compact && average.value !== null ? <dd className="text-xs text-zinc-500 dark:text-zinc-400">over {average.days} {average.days === 1 ? "day" : "days"}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}
