import { RangeBar } from "@/components/charts/range-bar";
import { seriesLabel } from "@/components/insights/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { BASELINE_METRICS } from "@/server/health/analytics/types";
import type { ScoreDayView } from "@/server/health/analytics/insights/schemas";
import { formatMetricValue, type UnitPrefs } from "./metric-format";

/** The day's key metrics, each beside its personal normal range (the band the score compares against). */
export function KeyMetrics({ metrics, units }: { metrics: ScoreDayView["metrics"]; units: UnitPrefs }) {
  const rows = BASELINE_METRICS.flatMap((key) => {
    const metric = metrics[key];
    return metric && metric.value !== null ? [{ key, value: metric.value, baseline: metric.baseline }] : [];
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Key metrics</CardTitle>
        <CardDescription>Against your normal range (the shaded band, from your last 60 days).</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No sleep, heart or activity figures for this day yet.</p>
        ) : (
          <dl className="grid gap-4 sm:grid-cols-2" data-testid="key-metrics">
            {rows.map(({ key, value, baseline }) => {
              const format = (v: number) => formatMetricValue(key, v, units);
              const where = baseline ? (value < baseline.low ? "below your normal range" : value > baseline.high ? "above your normal range" : "in your normal range") : "no normal range yet";
              return (
                <div key={key} className="flex flex-col gap-1.5">
                  <dt className="flex items-baseline justify-between gap-2 text-sm">
                    <span className="text-zinc-600 dark:text-zinc-400">{seriesLabel(key)}</span>
                    <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{format(value)}</span>
                  </dt>
                  <dd className="flex flex-col gap-1">
                    {baseline ? <RangeBar value={value} low={baseline.low} high={baseline.high} sd={baseline.sd} /> : null}
                    <span className="text-xs text-zinc-500">
                      {baseline ? `Normal ${format(baseline.low)} – ${format(baseline.high)}: ${where}` : `No normal range yet (it needs 14 days)`}
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
