"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatBucketLabel } from "@/components/charts/format";
import { LazyLineChart } from "@/components/charts/lazy";
import { useTRPC } from "@/components/providers/trpc";
import { BodyOverviewSkeleton } from "@/components/trends/body-page-skeleton";
import { NoData, NoneInRange } from "@/components/trends/no-data";
import type { DayRange } from "@/components/trends/range";
import { Segmented } from "@/components/trends/segmented";
import { SeriesChart } from "@/components/trends/series-chart";
import { Stat, StatGrid } from "@/components/trends/stat";
import type { LoadResult, SeriesResult } from "@/components/trends/types";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDisplay } from "@/server/health/analytics/trends/units";
import { LOAD_ZONE_TEXT } from "./format";
import { activityInputs } from "./queries";
import { WorkoutsTable } from "./workouts-table";

const meanDay = (series: SeriesResult) => (series.buckets.length ? series.buckets.reduce((a, b) => a + b.avg, 0) / series.buckets.length : null);

/** Steps, active minutes, energy, training load and workouts over the range. */
export function ActivityOverview({ range, days }: { range: DayRange; days: number }) {
  const trpc = useTRPC();
  const inputs = activityInputs(range);
  const steps = useQuery(trpc.trends.series.queryOptions(inputs.steps));
  const minutes = useQuery(trpc.trends.series.queryOptions(inputs.activeMinutes));
  const active = useQuery(trpc.trends.series.queryOptions(inputs.activeEnergy));
  const total = useQuery(trpc.trends.series.queryOptions(inputs.totalEnergy));
  const load = useQuery(trpc.trends.load.queryOptions(inputs.load));
  const [energy, setEnergy] = useState<"active" | "total">("active");

  const all = [steps, minutes, active, total, load];
  if (all.some((q) => q.isPending)) return <BodyOverviewSkeleton label="Loading your activity" />;
  const failed = all.find((q) => q.error);
  if (failed?.error) return <EmptyState title="Your activity could not be loaded" description={failed.error.message} />;
  const series = { steps: steps.data!, minutes: minutes.data!, active: active.data!, total: total.data! };
  if (Object.values(series).every((s) => s.buckets.length === 0)) {
    return (
      <NoData
        testId="activity-empty"
        title="No activity yet"
        description="Connect a device that counts steps and workouts: your steps, active minutes, energy burned, training load and workouts then show here."
      />
    );
  }
  const shown = energy === "active" ? series.active : series.total;
  const figure = (s: SeriesResult, withUnit = true) => {
    const m = meanDay(s);
    return m === null ? "—" : formatDisplay(m, { label: withUnit ? s.unit : "", decimals: s.decimals });
  };
  const zone = load.data!.latest ? LOAD_ZONE_TEXT[load.data!.latest.zone] : null;

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <Stat testId="activity-steps" label="Steps a day" value={figure(series.steps, false)} detail={`Mean of the last ${days} days`} />
        <Stat label="Active minutes a day" value={figure(series.minutes)} detail="Moderate and vigorous activity" />
        <Stat label="Active energy a day" value={figure(series.active)} detail={`Total burned: ${figure(series.total)} a day`} />
        <Stat
          label="Training load"
          value={load.data!.latest ? load.data!.latest.ratio.toFixed(2) : "—"}
          detail={zone ? `${zone.label}: acute 7-day over chronic 28-day load` : "Needs two weeks of activity"}
          tone={zone?.tone ?? "neutral"}
        />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard title="Steps" description="Steps per day." series={series.steps} testId="activity-steps-chart" />
        <ChartCard title="Active minutes" description="Minutes of moderate or vigorous activity per day." series={series.minutes} color={2} />
        <Card>
          <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
            <div className="flex flex-col gap-1.5">
              <CardTitle>Energy burned</CardTitle>
              <CardDescription>{energy === "active" ? "Energy burned by moving, per day." : "All energy burned, resting included, per day."}</CardDescription>
            </div>
            <Segmented
              label="Energy shown"
              value={energy}
              options={[
                { value: "active", label: "Active" },
                { value: "total", label: "Total" },
              ]}
              onChange={setEnergy}
            />
          </CardHeader>
          <CardContent>{shown.buckets.length ? <SeriesChart series={shown} color={3} testId="activity-energy-chart" /> : <NoneInRange what="energy figures" />}</CardContent>
        </Card>
        <LoadCard load={load.data!} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Workouts</CardTitle>
          <CardDescription>Recorded in the last {days} days, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <WorkoutsTable range={range} />
        </CardContent>
      </Card>
    </div>
  );
}

function ChartCard({ title, description, series, color, testId }: { title: string; description: string; series: SeriesResult; color?: 1 | 2 | 3; testId?: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{series.buckets.length ? <SeriesChart series={series} color={color} testId={testId} /> : <NoneInRange what={title.toLowerCase()} />}</CardContent>
    </Card>
  );
}

function LoadCard({ load }: { load: LoadResult }) {
  const days = load.days.filter((d) => d.ratio !== null);
  const latest = load.days[load.days.length - 1];
  const fmt = (v: number | null) => (v === null ? "—" : formatDisplay(v, { label: load.unit, decimals: load.decimals }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Training load</CardTitle>
        <CardDescription>
          Acute (7-day) over chronic (28-day) {load.measure === "steps" ? "steps" : "active energy"}; the shaded band is the steady range 0.8–1.3.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {days.length ? (
          <>
            <ChartFigure
              testId="activity-load-chart"
              caption="Acute-to-chronic load ratio per day."
              table={{ columns: ["Day", "Ratio", "Acute", "Chronic"], rows: load.days.map((d) => [formatBucketLabel(d.date, "day"), d.ratio === null ? "—" : d.ratio.toFixed(2), fmt(d.acute), fmt(d.chronic)]) }}
            >
              <LazyLineChart
                data={load.days.map((d) => ({ key: d.date, value: d.ratio, band: [0.8, 1.3] as [number, number] }))}
                bucket="day"
                name="Load ratio"
                unit=""
                decimals={2}
                color={4}
                bandLabel="Steady range"
              />
            </ChartFigure>
            {latest ? (
              <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
                Last 7 days: {fmt(latest.acute)} a day; last 28 days: {fmt(latest.chronic)} a day. {load.latest ? LOAD_ZONE_TEXT[load.latest.zone].detail : ""}
              </p>
            ) : null}
          </>
        ) : (
          <NoneInRange what="load figures yet (two weeks of activity are needed)" />
        )}
      </CardContent>
    </Card>
  );
}
