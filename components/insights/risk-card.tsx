import { AlertTriangle } from "lucide-react";
import { useId } from "react";
import { formatMetricValue, type UnitPrefs } from "@/components/dashboard/metric-format";
import { Badge } from "@/components/ui/badge";
import type { RiskView } from "@/server/health/analytics/insights/schemas";
import { formatDay, RISK_LABELS, RISK_METRIC, SEVERITY_BADGE } from "./format";

/** A risk flag: what, how serious, and the days of data that raised it (expandable). */
export function RiskCard({ risk, units }: { risk: RiskView; units: UnitPrefs }) {
  const titleId = useId();
  const severity = SEVERITY_BADGE[risk.severity];
  const metric = RISK_METRIC[risk.kind];
  const format = (value: number) => formatMetricValue(metric, value, units);
  return (
    <article aria-labelledby={titleId} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={titleId} className="flex items-center gap-2 font-medium">
          <AlertTriangle className="size-4 text-amber-600 dark:text-amber-400" aria-hidden />
          {risk.title}
        </h3>
        <Badge variant={severity.variant}>{severity.label} severity</Badge>
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{risk.detail}</p>
      <details className="text-sm">
        <summary className="cursor-pointer rounded-sm text-xs font-medium text-zinc-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-zinc-400">
          The data behind it ({RISK_LABELS[risk.kind]}, {formatDay(risk.localDate)})
        </summary>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Rule: {risk.evidence.rule}</p>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead className="text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Day</th>
                <th scope="col" className="py-1 pr-3 font-medium">Value</th>
                <th scope="col" className="py-1 pr-3 font-medium">Your normal</th>
                <th scope="col" className="py-1 font-medium">SD from normal</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {risk.evidence.days.map((day) => (
                <tr key={day.date} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-3">{formatDay(day.date)}</td>
                  <td className="py-1 pr-3">{format(day.value)}</td>
                  <td className="py-1 pr-3">{day.baselineMean === null ? "–" : format(day.baselineMean)}</td>
                  <td className="py-1">{day.z === null ? "–" : `${day.z > 0 ? "+" : day.z < 0 ? "−" : ""}${Math.abs(day.z).toFixed(1)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </article>
  );
}
