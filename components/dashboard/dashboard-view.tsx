"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DashboardSkeleton } from "./dashboard-skeleton";
import { KeyMetrics } from "./key-metrics";
import { LastSync } from "./last-sync";
import type { UnitPrefs } from "./metric-format";
import { ScoreCard } from "./score-card";
import { ScoreTrend } from "./score-trend";
import { TodayPlan } from "./today-plan";
import { TodayRisks } from "./today-risks";

const REFRESH_MS = 60_000;

/** The morning view: score and why, key metrics, the week, today's plan and risks, last sync. */
export function DashboardView({ units, timeZone, aside }: { units: UnitPrefs; timeZone: string; aside?: React.ReactNode }) {
  const trpc = useTRPC();
  // Wearables deliver through the day and scores follow: keep an open dashboard current without a reload.
  const dashboard = useQuery({ ...trpc.insights.dashboard.queryOptions(), refetchInterval: REFRESH_MS });

  if (dashboard.isPending) return <DashboardSkeleton />;
  if (dashboard.isError) {
    return (
      <Alert variant="error" className="flex flex-wrap items-center justify-between gap-2">
        <span>Your dashboard could not be loaded: {dashboard.error.message}</span>
        <Button size="sm" variant="outline" onClick={() => void dashboard.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  const view = dashboard.data;
  const scored = view.latest?.state === "scored";
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="flex min-w-0 flex-col gap-6">
        <ScoreCard view={view} />
        {view.latest ? <KeyMetrics metrics={view.latest.metrics} units={units} /> : null}
        {view.latest ? <ScoreTrend today={view.today} trend={view.trend} /> : null}
      </div>
      <div className="flex min-w-0 flex-col gap-6">
        <LastSync lastSyncAt={view.sync.lastSyncAt} connections={view.sync.connections} timeZone={timeZone} />
        {view.latest ? <TodayPlan view={view} /> : null}
        {view.latest ? <TodayRisks risks={view.risks} units={units} scored={scored} /> : null}
        {aside}
      </div>
    </div>
  );
}
