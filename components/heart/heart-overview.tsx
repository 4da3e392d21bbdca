"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { formatDay } from "@/components/charts/format";
import { useTRPC } from "@/components/providers/trpc";
import { BodyOverviewSkeleton } from "@/components/trends/body-page-skeleton";
import { NoData, NoneInRange } from "@/components/trends/no-data";
import { SeriesChart } from "@/components/trends/series-chart";
import { Stat, StatGrid } from "@/components/trends/stat";
import type { BandsResult, SeriesResult } from "@/components/trends/types";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDisplay } from "@/server/health/analytics/trends/units";
import { addDays } from "@/server/health/local-date";
import { againstBand, daySummary } from "./format";
import { heartInputs, type HeartQueries } from "./queries";

/** Heart rate through one day by hour, and over the range by day; resting HR and HRV with the personal normal band. */
export function HeartOverview({ day, today, range, days }: HeartQueries & { today: string; days: number }) {
  const trpc = useTRPC();
  const inputs = heartInputs({ day, range });
  const hourly = useQuery(trpc.trends.series.queryOptions(inputs.hourly));
  const daily = useQuery(trpc.trends.series.queryOptions(inputs.daily));
  const resting = useQuery(trpc.trends.series.queryOptions(inputs.resting));
  const rmssd = useQuery(trpc.trends.series.queryOptions(inputs.hrv));
  const restingBands = useQuery(trpc.trends.bands.queryOptions(inputs.restingBands));
  const rmssdBands = useQuery(trpc.trends.bands.queryOptions(inputs.hrvBands));
  // Apple Health reports SDNN, not RMSSD: the two are never mixed, so SDNN gets its own chart when it is all there is.
  const noRmssd = rmssd.data !== undefined && rmssd.data.buckets.length === 0;
  const sdnn = useQuery({ ...trpc.trends.series.queryOptions({ ...inputs.hrv, metric: "hrv_sdnn" }), enabled: noRmssd });
  const sdnnBands = useQuery({ ...trpc.trends.bands.queryOptions({ ...inputs.hrvBands, metric: "hrv_sdnn" }), enabled: noRmssd });

  const all = [hourly, daily, resting, rmssd, restingBands, rmssdBands, ...(noRmssd ? [sdnn, sdnnBands] : [])];
  if (all.some((q) => q.isPending)) return <BodyOverviewSkeleton label="Loading your heart data" charts="flex flex-col gap-6" />;
  const failed = all.find((q) => q.error);
  if (failed?.error) return <EmptyState title="Your heart data could not be loaded" description={failed.error.message} />;
  const hrv = (noRmssd ? sdnn.data : rmssd.data)!;
  const hrvBands = (noRmssd ? sdnnBands.data : rmssdBands.data)!;
  if ([hourly.data!, daily.data!, resting.data!, hrv].every((series) => series.buckets.length === 0)) {
    return (
      <NoData
        testId="heart-empty"
        title="No heart data yet"
        description="Connect a watch, ring or band that measures heart rate: your heart rate through the day, resting heart rate and HRV then show here against your own normal range."
      />
    );
  }

  const summary = daySummary(hourly.data!.buckets);
  const dayParams = (d: string) => `/heart?${new URLSearchParams({ day: d, days: String(days) }).toString()}`;
  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <LatestAgainstBand label="Resting heart rate" series={resting.data!} bands={restingBands.data!} higherIsBetter={false} testId="heart-resting" />
        <LatestAgainstBand label={hrv.label} series={hrv} bands={hrvBands} higherIsBetter />
        <Stat label={`Average, ${formatDay(day)}`} value={summary ? formatDisplay(summary.avg, { label: "bpm", decimals: 0 }) : "—"} detail={summary ? "Mean of every reading that day" : "No readings that day"} />
        <Stat label={`Range, ${formatDay(day)}`} value={summary ? `${Math.round(summary.min)}–${Math.round(summary.max)}` : "—"} detail={summary ? "Lowest and highest reading, bpm" : "No readings that day"} />
      </StatGrid>

      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1.5">
            <CardTitle>Heart rate on {formatDay(day, { weekday: true, year: true })}</CardTitle>
            <CardDescription>Each hour&apos;s mean, with its lowest and highest reading shaded.</CardDescription>
          </div>
          <nav aria-label="Day" className="flex items-center gap-1">
            <Button asChild variant="outline" size="icon">
              <Link href={dayParams(addDays(day, -1))} scroll={false} aria-label="Previous day">
                <ChevronLeft className="size-4" aria-hidden />
              </Link>
            </Button>
            {day < today ? (
              <>
                <Button asChild variant="outline" size="icon">
                  <Link href={dayParams(addDays(day, 1))} scroll={false} aria-label="Next day">
                    <ChevronRight className="size-4" aria-hidden />
                  </Link>
                </Button>
                <Button asChild variant="ghost" size="sm">
                  <Link href={dayParams(today)} scroll={false}>
                    Today
                  </Link>
                </Button>
              </>
            ) : null}
          </nav>
        </CardHeader>
        <CardContent>
          {hourly.data!.buckets.length ? (
            <SeriesChart series={hourly.data!} testId="heart-day-chart" />
          ) : (
            <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No heart rate readings on this day. Step back a day, or wear your device through the day.
            </p>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Heart rate, last {days} days</CardTitle>
          <CardDescription>Each day&apos;s mean, with its lowest and highest reading shaded.</CardDescription>
        </CardHeader>
        <CardContent>{daily.data!.buckets.length ? <SeriesChart series={daily.data!} testId="heart-range-chart" /> : <NoneInRange what="heart rate readings" />}</CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <BaselineCard title="Resting heart rate" description="Lower than usual generally means recovered; a rise of several beats often comes with illness, stress or a hard day." series={resting.data!} bands={restingBands.data!} testId="heart-resting-chart" />
        <BaselineCard
          title={hrv.label}
          description={`Heart rate variability${hrv.metric === "hrv_sdnn" ? " as SDNN (your device does not report RMSSD)" : ""}: higher than your normal usually means well recovered.`}
          series={hrv}
          bands={hrvBands}
          color={2}
          testId="heart-hrv-chart"
        />
      </div>
    </div>
  );
}

function LatestAgainstBand({ label, series, bands, higherIsBetter, testId }: { label: string; series: SeriesResult; bands: BandsResult | null; higherIsBetter: boolean; testId?: string }) {
  const latest = series.buckets[series.buckets.length - 1];
  if (!latest) return <Stat label={label} value="—" detail="No values in this range" testId={testId} />;
  const band = bands?.days.find((d) => d.date === latest.key) ?? null;
  const read = againstBand(latest.avg, band, series.unit, series.decimals, higherIsBetter);
  return <Stat label={`${label}, ${formatDay(latest.key)}`} value={formatDisplay(latest.avg, { label: series.unit, decimals: series.decimals })} detail={read.text} tone={read.tone} testId={testId} />;
}

function BaselineCard({ title, description, series, bands, color, testId }: { title: string; description: string; series: SeriesResult; bands: BandsResult | null; color?: 1 | 2; testId: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {series.buckets.length ? <SeriesChart series={series} bands={bands} color={color} showRange={false} testId={testId} /> : <NoneInRange what={`${title.toLowerCase()} values`} />}
        {series.buckets.length && !bands?.days.length ? (
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Your normal range is drawn once BioSync has 14 days of your data to compare with.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
