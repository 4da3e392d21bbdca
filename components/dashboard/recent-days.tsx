"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { Watch } from "lucide-react";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { DASHBOARD_TILES, deltaAgainst, formatDuration, RECENT_DAYS, type UnitSystem } from "./metric-format";

const REFRESH_MS = 60_000;

/** The latest day's key metrics against the personal baseline, and the last two weeks charted. */
export function RecentDays({ units, range: window }: { units: UnitSystem; range: { from: string; to: string } }) {
  const trpc = useTRPC();
  // Wearables deliver through the day: keep an open dashboard current without a reload.
  const latest = useQuery({ ...trpc.timeseries.latest.queryOptions(), refetchInterval: REFRESH_MS });
  const range = useQuery({ ...trpc.timeseries.range.queryOptions(window), refetchInterval: REFRESH_MS });
  // Charts measure their container, which only exists in the browser: draw them after hydration.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);

  if (latest.isPending || range.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true" aria-label="Loading your data">
        <Skeleton className="h-32" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (latest.error || range.error) {
    return <EmptyState title="Your data could not be loaded" description={(latest.error ?? range.error)!.message} />;
  }
  if (!latest.data) {
    return (
      <EmptyState
        icon={<Watch />}
        title="No wearable data yet"
        description="Your sleep, heart rate and activity appear here once a wearable or an export file has sent data to BioSync."
        action={
          <Button asChild>
            <Link href="/devices">Connect a device</Link>
          </Button>
        }
        className="min-h-64"
      />
    );
  }

  const day = latest.data;
  const tiles = DASHBOARD_TILES.filter((t) => day.values[t.key] !== undefined);
  const chart = range.data.map((d) => ({
    date: d.localDate.slice(5),
    sleepHours: d.values.sleep_asleep_seconds !== undefined ? Math.round((d.values.sleep_asleep_seconds / 3600) * 10) / 10 : null,
    hrv: d.values.hrv_rmssd ?? null,
    steps: d.values.steps ?? null,
  }));

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Latest day</CardTitle>
          <CardDescription>
            {new Date(`${day.localDate}T12:00:00Z`).toLocaleDateString("en", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {tiles.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No sleep, heart or activity figures for this day yet.</p> : null}
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3" data-testid="latest-metrics">
            {tiles.map((t) => {
              const value = day.values[t.key]!;
              // A deviation (temperature) is already relative to a baseline: no percent change of it.
              const delta = t.higherIsBetter === null ? null : deltaAgainst(value, day.rolling[t.key]?.baseline);
              const good = delta && delta.direction !== "flat" ? (delta.direction === "up") === t.higherIsBetter : null;
              return (
                <div key={t.key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                  <dt className="text-xs text-zinc-500">{t.label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{t.format(value, units)}</dd>
                  {delta ? (
                    <dd className={good === null ? "text-xs text-zinc-500" : good ? "text-xs text-emerald-700 dark:text-emerald-400" : "text-xs text-amber-700 dark:text-amber-400"}>
                      {delta.text}
                    </dd>
                  ) : null}
                </div>
              );
            })}
          </dl>
          {day.values.sleep_debt_seconds ? (
            <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">Sleep debt over the last 7 nights: {formatDuration(day.values.sleep_debt_seconds)}.</p>
          ) : null}
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Sleep and HRV, last {RECENT_DAYS} days</CardTitle>
          </CardHeader>
          <CardContent className="h-64">
            {inBrowser ? (
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
                  <XAxis dataKey="date" fontSize={12} />
                  <YAxis yAxisId="h" fontSize={12} unit=" h" />
                  <YAxis yAxisId="ms" orientation="right" fontSize={12} unit=" ms" />
                  <Tooltip />
                  <Legend verticalAlign="top" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
                  <Line yAxisId="h" type="monotone" dataKey="sleepHours" name="Sleep (h)" stroke="#059669" connectNulls={false} dot={false} />
                  <Line yAxisId="ms" type="monotone" dataKey="hrv" name="HRV (ms)" stroke="#6366f1" connectNulls={false} dot={false} />
                </LineChart>
              </ResponsiveContainer>
            ) : (
              <Skeleton className="h-full" />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Steps, last {RECENT_DAYS} days</CardTitle>
          </CardHeader>
          <CardContent className="h-64">
            {inBrowser ? (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
                  <XAxis dataKey="date" fontSize={12} />
                  <YAxis fontSize={12} />
                  <Tooltip />
                  <Bar dataKey="steps" name="Steps" fill="#10b981" />
                </BarChart>
              </ResponsiveContainer>
            ) : (
              <Skeleton className="h-full" />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

const noSubscription = () => () => {};
