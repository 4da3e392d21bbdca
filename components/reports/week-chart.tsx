"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { formatBucketLabel } from "@/components/charts/format";
import { LazyBarChart, LazyLineChart } from "@/components/charts/lazy";
import type { ReportDay } from "@/server/health/reports/figures";
import { formatMetric } from "@/server/health/reports/format";

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);
const cell = (value: number | null, show: (v: number) => string) => (value === null ? "—" : show(value));

/** The week's daily energy score, sleep and HRV, one small chart each, read out as one table. */
export function WeekChart({ days, hrvLabel }: { days: ReportDay[]; hrvLabel: string }) {
  const table = {
    columns: ["Day", "Energy score", "Sleep", hrvLabel],
    rows: days.map((d) => [
      formatBucketLabel(d.date, "day"),
      cell(d.score, String),
      cell(d.sleepSeconds, (v) => formatMetric("sleepSeconds", v)),
      cell(d.hrv, (v) => formatMetric("hrv", v)),
    ]),
  };
  return (
    <div className="grid gap-6 lg:grid-cols-3" data-testid="week-chart">
      <ChartFigure caption="Energy score per day (0–100)." table={table}>
        <LazyLineChart data={days.map((d) => ({ key: d.date, value: d.score }))} bucket="day" name="Energy score" unit="" decimals={0} color={1} />
      </ChartFigure>
      <ChartFigure caption="Time asleep per night, on the day you woke up.">
        <LazyBarChart data={days.map((d) => ({ key: d.date, value: hours(d.sleepSeconds) }))} bucket="day" name="Sleep" unit="h" decimals={1} color={2} />
      </ChartFigure>
      <ChartFigure caption={`${hrvLabel} per day, in ms.`}>
        <LazyLineChart data={days.map((d) => ({ key: d.date, value: d.hrv }))} bucket="day" name={hrvLabel} unit="ms" decimals={0} color={3} />
      </ChartFigure>
    </div>
  );
}
