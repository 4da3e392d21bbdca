"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDisplay } from "@/server/health/analytics/trends/units";
import { headlineOf, SeriesChart } from "./series-chart";
import type { SeriesResult } from "./types";

/** One metric of the Trends page: its chart and the range's mean, lowest and highest. */
export function TrendCard({ series, loading, error, color, testId }: { series: SeriesResult | undefined; loading: boolean; error: string | null; color?: 1 | 2; testId: string }) {
  if (!series) {
    return (
      <Card>
        <CardContent className="pt-6">{error ? <p className="text-sm text-red-700 dark:text-red-400">{error}</p> : <Skeleton className="h-72" />}</CardContent>
      </Card>
    );
  }
  const values = series.buckets.map((b) => headlineOf(series, b));
  const fmt = (v: number) => formatDisplay(v, { label: series.unit, decimals: series.decimals });
  const summary = values.length
    ? `Mean ${fmt(values.reduce((a, b) => a + b, 0) / values.length)} · lowest ${fmt(Math.min(...series.buckets.map((b) => (series.headline === "sum" ? b.sum : b.min))))} · highest ${fmt(Math.max(...series.buckets.map((b) => (series.headline === "sum" ? b.sum : b.max))))}`
    : null;
  return (
    <Card aria-busy={loading || undefined}>
      <CardHeader>
        <CardTitle>{series.label}</CardTitle>
        <CardDescription>{summary ?? "No values in this range."}</CardDescription>
      </CardHeader>
      <CardContent className={loading ? "opacity-60 transition-opacity" : undefined}>
        {values.length ? (
          <SeriesChart series={series} color={color} testId={testId} />
        ) : (
          <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-testid={`${testId}-empty`}>
            {series.bucket === "hour"
              ? `No readings through the day for ${series.label.toLowerCase()}: your device sends one value a day. Choose days, weeks or months.`
              : `No ${series.label.toLowerCase()} in this range. Choose a longer range, or a metric your device records.`}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
