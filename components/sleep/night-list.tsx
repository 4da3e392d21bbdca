"use client";

import { clockTime, formatDay } from "@/components/charts/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Night } from "@/server/health/analytics/trends/nights";
import { formatDuration } from "@/server/health/analytics/trends/units";

/** The recent nights, newest first; choosing one shows its hypnogram. */
export function NightList({ nights, selected, onSelect }: { nights: Night[]; selected: string; onSelect: (date: string) => void }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Nights</CardTitle>
        <CardDescription>Choose a night to see its stages.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto pr-1" aria-label="Recent nights">
          {[...nights].reverse().map((n) => {
            const current = n.date === selected;
            return (
              <li key={n.date}>
                <button
                  type="button"
                  onClick={() => onSelect(n.date)}
                  aria-pressed={current}
                  className={cn(
                    "flex w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:hover:bg-zinc-800",
                    current && "bg-brand-50 font-medium dark:bg-brand-900/40",
                  )}
                >
                  <span className="flex flex-col">
                    <span>{formatDay(n.date, { weekday: true })}</span>
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">
                      {clockTime(n.start, n.utcOffsetMinutes)} – {clockTime(n.end, n.utcOffsetMinutes)}
                    </span>
                  </span>
                  <span className="flex flex-col items-end tabular-nums">
                    <span>{formatDuration(n.asleepSeconds)}</span>
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">{n.efficiency === null ? "" : `${Math.round(n.efficiency * 100)} %`}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
