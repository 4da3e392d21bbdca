"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Dumbbell } from "lucide-react";
import { clockTime, formatDay } from "@/components/charts/format";
import { useTRPC } from "@/components/providers/trpc";
import type { DayRange } from "@/components/trends/range";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDisplay, formatDuration } from "@/server/health/analytics/trends/units";
import { activityLabel } from "./format";
import { activityInputs } from "./queries";

/** The range's workouts, newest first, a page at a time. */
export function WorkoutsTable({ range }: { range: DayRange }) {
  const trpc = useTRPC();
  const workouts = useInfiniteQuery(trpc.trends.workouts.infiniteQueryOptions(activityInputs(range).workouts, { getNextPageParam: (page) => page.nextCursor }));
  if (workouts.isPending) {
    return (
      <div role="status" aria-label="Loading workouts" className="flex flex-col gap-2">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  }
  if (workouts.isError) return <Alert variant="error">Could not load your workouts: {workouts.error.message}</Alert>;
  const items = workouts.data.pages.flatMap((p) => p.items);
  const { energyUnit, distanceUnit } = workouts.data.pages[0]!;
  if (items.length === 0) {
    return <EmptyState icon={<Dumbbell />} title="No workouts in this range" description="Workouts you record on your device (runs, rides, strength sessions) are listed here with their duration, energy and heart rate." />;
  }
  return (
    <div className="flex flex-col gap-3">
      <Table aria-label="Workouts">
        <TableHeader>
          <TableRow>
            <TableHead>Workout</TableHead>
            <TableHead>When</TableHead>
            <TableHead className="text-right">Duration</TableHead>
            <TableHead className="text-right">Energy</TableHead>
            <TableHead className="text-right">Distance</TableHead>
            <TableHead className="text-right">Avg HR</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((w) => (
            <TableRow key={w.id}>
              <TableCell className="font-medium">{activityLabel(w.activityType)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {formatDay(w.date, { weekday: true })}, {clockTime(w.start, w.utcOffsetMinutes)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(w.durationSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{w.energy === null ? "—" : formatDisplay(w.energy, { label: energyUnit, decimals: 0 })}</TableCell>
              <TableCell className="text-right tabular-nums">{w.distance ? formatDisplay(w.distance, { label: distanceUnit, decimals: 2 }) : "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{w.avgHeartRate === null ? "—" : `${Math.round(w.avgHeartRate)} bpm`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {workouts.hasNextPage ? (
        <Button variant="outline" className="self-center" onClick={() => void workouts.fetchNextPage()} pending={workouts.isFetchingNextPage}>
          Show more workouts
        </Button>
      ) : null}
    </div>
  );
}
