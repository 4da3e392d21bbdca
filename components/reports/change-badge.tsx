import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { MetricAverage, ReportMetric } from "@/server/health/reports/figures";
import { formatChange } from "@/server/health/reports/format";

/** The change from the week before with an arrow; every metric of the report is better higher. */
export function ChangeBadge({ metric, average }: { metric: ReportMetric; average: MetricAverage }) {
  if (average.change === null) return <span className="text-xs text-zinc-500 dark:text-zinc-400">no week before to compare</span>;
  const text = formatChange(metric, average.change);
  const flat = text.startsWith("±");
  const up = average.change > 0;
  const Icon = flat ? ArrowRight : up ? ArrowUpRight : ArrowDownRight;
  return (
    <Badge variant={flat ? "neutral" : up ? "success" : "warning"} aria-label={`${flat ? "unchanged" : up ? "up" : "down"} ${text.replace(/^[±+]/, "")} from the week before`}>
      <Icon className="size-3" aria-hidden />
      {text}
    </Badge>
  );
}
