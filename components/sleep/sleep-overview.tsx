"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { clockTime, formatDay, minutesAsClock } from "@/components/charts/format";
import { LazyBarChart, LazyLineChart } from "@/components/charts/lazy";
import { useTRPC } from "@/components/providers/trpc";
import { BodyOverviewSkeleton } from "@/components/trends/body-page-skeleton";
import { NoData } from "@/components/trends/no-data";
import type { DayRange } from "@/components/trends/range";
import { Stat, StatGrid } from "@/components/trends/stat";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDuration, toDisplay, type UnitPrefs } from "@/server/health/analytics/trends/units";
import { againstNeed, efficiencyTone, regularityWord } from "./format";
import { NightDetail } from "./night-detail";
import { NightList } from "./night-list";

/** The sleep page: the latest figures, the selected night's hypnogram, the nights, duration against need, consistency. */
export function SleepOverview({ range, prefs }: { range: DayRange; prefs: UnitPrefs }) {
  const trpc = useTRPC();
  const result = useQuery(trpc.trends.sleepNights.queryOptions(range));
  const [selected, setSelected] = useState<string | null>(null);

  if (result.isPending) return <BodyOverviewSkeleton label="Loading your sleep" charts="grid gap-6 lg:grid-cols-[2fr_1fr]" />;
  if (result.error) return <EmptyState title="Your sleep could not be loaded" description={result.error.message} />;
  const { nights, needSeconds } = result.data;
  if (nights.length === 0) {
    return (
      <NoData
        testId="sleep-empty"
        title="No nights recorded yet"
        description="Wear a sleep-tracking device (a ring, a watch or a band) to bed and connect it: each night then shows here with its stages, efficiency, sleep debt and consistency."
      />
    );
  }
  const latest = nights[nights.length - 1]!;
  const night = nights.find((n) => n.date === selected) ?? latest;
  const needHours = toDisplay("sleep_asleep_seconds", needSeconds, prefs);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const avgAsleep = mean(nights.map((n) => n.asleepSeconds));

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <Stat
          testId="sleep-last-night"
          label={`Asleep, ${formatDay(latest.date, { weekday: true })}`}
          value={formatDuration(latest.asleepSeconds)}
          detail={againstNeed(latest.asleepSeconds, needSeconds, formatDuration)}
          tone={latest.asleepSeconds >= needSeconds - 300 ? "good" : "warn"}
        />
        <Stat
          label="Efficiency"
          value={latest.efficiency === null ? "—" : `${Math.round(latest.efficiency * 100)} %`}
          detail={latest.efficiency === null ? "Not reported for this night" : "Time asleep of time in bed; 85 % or more is good"}
          tone={latest.efficiency === null ? "neutral" : efficiencyTone(latest.efficiency)}
        />
        <Stat
          label="Sleep debt"
          value={latest.debtSeconds === null ? "—" : formatDuration(latest.debtSeconds)}
          detail="Shortfall against your need over the last 7 nights"
          tone={latest.debtSeconds !== null && latest.debtSeconds > 2 * 3600 ? "warn" : "neutral"}
        />
        <Stat
          label="Consistency"
          value={latest.regularityMinutes === null ? "—" : `± ${Math.round(latest.regularityMinutes)} min`}
          detail={latest.regularityMinutes === null ? "Needs 5 nights in two weeks" : `${regularityWord(latest.regularityMinutes)}: spread of your sleep midpoint over 14 days`}
          tone={latest.regularityMinutes === null ? "neutral" : latest.regularityMinutes < 45 ? "good" : "warn"}
        />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <NightDetail night={night} needSeconds={needSeconds} />
        <NightList nights={nights} selected={night.date} onSelect={setSelected} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Duration against need</CardTitle>
            <CardDescription>
              Time asleep per night{avgAsleep !== null ? `, ${formatDuration(avgAsleep)} on average` : ""}; nights short of your {formatDuration(needSeconds)} need are amber.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChartFigure
              testId="sleep-duration-chart"
              caption={`Hours asleep for each of ${nights.length} nights, with your need of ${needHours} h as a line.`}
              table={{ columns: ["Night", "Asleep"], rows: nights.map((n) => [formatDay(n.date, { weekday: true }), formatDuration(n.asleepSeconds)]) }}
            >
              <LazyBarChart
                data={nights.map((n) => ({ key: n.date, value: toDisplay("sleep_asleep_seconds", n.asleepSeconds, prefs) }))}
                bucket="day"
                name="Asleep"
                unit="h"
                decimals={1}
                reference={{ value: needHours, label: "Need" }}
                highlightKey={night.date}
              />
            </ChartFigure>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Consistency</CardTitle>
            <CardDescription>The midpoint of each night; the steadier it is, the better rested most people feel.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChartFigure
              caption="Local clock time halfway through each night (bedtime to wake-up)."
              table={{ columns: ["Night", "Midpoint", "Spread over 14 days"], rows: nights.map((n) => [formatDay(n.date), minutesAsClock(n.midpointMinutes), n.regularityMinutes === null ? "—" : `± ${Math.round(n.regularityMinutes)} min`]) }}
            >
              <LazyLineChart
                data={nights.map((n) => ({ key: n.date, value: Math.round(n.midpointMinutes) / 60 }))}
                bucket="day"
                name="Midpoint"
                unit=""
                decimals={2}
                color={2}
                clock
              />
            </ChartFigure>
            <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
              Last night: asleep {clockTime(latest.start, latest.utcOffsetMinutes)} – {clockTime(latest.end, latest.utcOffsetMinutes)}, midpoint {minutesAsClock(latest.midpointMinutes)}.
            </p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
