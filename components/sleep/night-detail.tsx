"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { clockTime, formatDay } from "@/components/charts/format";
import { LazyHypnogram } from "@/components/charts/lazy";
import { secondsPerLevel, STAGE_LEVELS } from "@/components/charts/stages";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Night } from "@/server/health/analytics/trends/nights";
import { formatDuration } from "@/server/health/analytics/trends/units";

/** One night: its hypnogram, the time in each stage, latency and efficiency. */
export function NightDetail({ night, needSeconds }: { night: Night; needSeconds: number }) {
  const fromStages = secondsPerLevel(night.stages);
  // The provider's own totals when it gives them; otherwise what the stages add up to.
  const perStage = [night.deepSeconds ?? fromStages[0]!, night.lightSeconds ?? fromStages[1]!, night.remSeconds ?? fromStages[2]!, night.awakeSeconds ?? fromStages[3]!];
  const window = `${clockTime(night.start, night.utcOffsetMinutes)} – ${clockTime(night.end, night.utcOffsetMinutes)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Night to {formatDay(night.date, { weekday: true })}</CardTitle>
        <CardDescription>
          In bed {window} · asleep {formatDuration(night.asleepSeconds)} of {formatDuration(night.inBedSeconds)}
          {night.efficiency !== null ? ` (${Math.round(night.efficiency * 100)} %)` : ""}
          {night.latencySeconds !== null ? ` · fell asleep in ${formatDuration(night.latencySeconds)}` : ""}
          {night.asleepSeconds < needSeconds ? ` · ${formatDuration(needSeconds - night.asleepSeconds)} under your need` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {night.stages.length > 0 ? (
          <ChartFigure
            testId="hypnogram"
            caption={`Sleep stages from ${window}, local time.`}
            table={{
              columns: ["From", "To", "Stage"],
              rows: night.stages.map((s) => [clockTime(s.start, night.utcOffsetMinutes), clockTime(s.end, night.utcOffsetMinutes), s.stage]),
            }}
          >
            <LazyHypnogram stages={night.stages} utcOffsetMinutes={night.utcOffsetMinutes} />
          </ChartFigure>
        ) : (
          <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            This device reported the night&apos;s totals without stages, so there is no hypnogram for it.
          </p>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {STAGE_LEVELS.map((stage, i) => (
            <div key={stage.key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: stage.color }} />
                {stage.label}
              </dt>
              <dd className="text-base font-semibold tabular-nums">{formatDuration(perStage[i]!)}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
