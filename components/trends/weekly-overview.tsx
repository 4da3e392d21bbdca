"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDay } from "@/components/charts/format";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDisplay } from "@/server/health/analytics/trends/units";
import { WEEKLY_METRICS, type WeeklyMetric } from "@/server/health/analytics/trends/weekly";
import { WEEKLY_WEEKS } from "./queries";
import type { WeeklyResult } from "./types";

const COLUMNS: Record<WeeklyMetric, { label: string; higherIsBetter: boolean }> = {
  score: { label: "Energy score", higherIsBetter: true },
  sleep_asleep_seconds: { label: "Sleep", higherIsBetter: true },
  hrv_rmssd: { label: "HRV", higherIsBetter: true },
  resting_heart_rate: { label: "Resting HR", higherIsBetter: false },
  steps: { label: "Steps", higherIsBetter: true },
};

/** The last weeks side by side: each figure's weekly mean and its change against the week before. */
export function WeeklyOverview() {
  const trpc = useTRPC();
  const weekly = useQuery(trpc.trends.weekly.queryOptions({ weeks: WEEKLY_WEEKS }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Weekly overview</CardTitle>
        <CardDescription>Means per week (Monday to Sunday) and the change against the week before.</CardDescription>
      </CardHeader>
      <CardContent>
        {weekly.isPending ? <Skeleton className="h-64" /> : weekly.error ? <p className="text-sm text-red-700 dark:text-red-400">{weekly.error.message}</p> : <WeeklyTable data={weekly.data} />}
      </CardContent>
    </Card>
  );
}

function WeeklyTable({ data }: { data: WeeklyResult }) {
  const weeks = [...data.weeks].reverse();
  if (weeks.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No week has data yet: once a device has synced, each week&apos;s sleep, HRV, resting heart rate, steps and score show here.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <Table aria-label="Weekly overview" data-testid="weekly-overview">
        <TableHeader>
          <TableRow>
            <TableHead>Week</TableHead>
            {WEEKLY_METRICS.map((m) => (
              <TableHead key={m} className="text-right">
                {COLUMNS[m].label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {weeks.map((w) => (
            <TableRow key={w.week}>
              <TableCell className="whitespace-nowrap">
                {formatDay(w.week)} – {formatDay(w.end)}
              </TableCell>
              {WEEKLY_METRICS.map((m) => {
                const f = w.figures[m];
                const { unit, decimals } = data.units[m];
                const up = f.change !== null && f.change > 0;
                // Under half a percent either way reads "0 %": no colour for it.
                const good = f.changeRatio === null || Math.abs(f.changeRatio) < 0.005 ? null : up === COLUMNS[m].higherIsBetter;
                return (
                  <TableCell key={m} className="text-right tabular-nums">
                    <span className="block">{f.avg === null ? "—" : formatDisplay(f.avg, { label: unit, decimals })}</span>
                    {f.changeRatio !== null ? (
                      <span className={good === null ? "text-xs text-zinc-500" : good ? "text-xs text-emerald-700 dark:text-emerald-400" : "text-xs text-amber-700 dark:text-amber-400"}>
                        {formatDisplay(f.changeRatio * 100, { label: "%", decimals: 0 }, { signed: true })}
                      </span>
                    ) : null}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
