"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CalendarDays } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { AwaitingWeekView, ReportSummaryView } from "@/server/health/reports/schemas";
import { formatWeekRange } from "@/server/health/reports/format";
import { AverageTiles } from "./average-tiles";
import { MakeReportButton } from "./make-report-button";
import { REPORT_PAGE_SIZE } from "./report-constants";

/** The stored weekly reports, newest first, and the weeks over that still have none. */
export function ReportList() {
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.reports.list.infiniteQueryOptions({ limit: REPORT_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const awaiting = useQuery(trpc.reports.awaiting.queryOptions());
  const reports = list.data?.pages.flatMap((page) => page.items) ?? [];
  const waiting = awaiting.data ?? [];

  if (list.isPending || awaiting.isPending) {
    return (
      <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading your reports">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-40" />
        ))}
      </div>
    );
  }
  if (list.isError) return <Alert variant="error">Your reports could not be loaded: {list.error.message}</Alert>;

  return (
    <div className="flex flex-col gap-6">
      {waiting.length > 0 ? <AwaitingWeeks weeks={waiting} /> : null}
      {reports.length === 0 ? (
        waiting.length === 0 ? (
          <EmptyState
            icon={<CalendarDays />}
            title="Your first report comes on Monday"
            description="Every Monday morning BioSync sums up the week before: your average energy score, sleep, HRV and readiness, your best and hardest day, and the strongest pattern in your data."
          />
        ) : null
      ) : (
        <section aria-labelledby="past-reports" className="flex flex-col gap-4">
          <h2 id="past-reports" className="text-lg font-semibold">
            Past weeks
          </h2>
          <ul className="flex flex-col gap-4" data-testid="report-list">
            {reports.map((report) => (
              <ReportItem key={report.id} report={report} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <div>
              <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
                Show older weeks
              </Button>
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}

function ReportItem({ report }: { report: ReportSummaryView }) {
  return (
    <li>
      <Card>
        <CardHeader className="flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex flex-col gap-1">
            <CardTitle>
              <Link href={`/reports/${report.week}`} className="underline-offset-4 hover:underline focus-visible:underline">
                {formatWeekRange(report)}
              </Link>
            </CardTitle>
            <CardDescription>Week {report.week.slice(6)} of {report.week.slice(0, 4)}</CardDescription>
          </div>
          {report.late ? <Badge variant="warning">Later data would change it</Badge> : null}
        </CardHeader>
        <CardContent>
          <AverageTiles figures={report} compact />
        </CardContent>
      </Card>
    </li>
  );
}

function AwaitingWeeks({ weeks }: { weeks: AwaitingWeekView[] }) {
  return (
    <Card role="region" aria-labelledby="awaiting-weeks">
      <CardHeader>
        <CardTitle id="awaiting-weeks">Weeks without a report</CardTitle>
        <CardDescription>These weeks are over and have data, but no report was made for them (reports are made on the Monday after a week you had data in).</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="awaiting-weeks">
          {weeks.map((w) => (
            <li key={w.week} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="text-sm font-medium">{formatWeekRange(w)}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {w.week} · {w.days} {w.days === 1 ? "day" : "days"} with data
                </p>
              </div>
              <MakeReportButton week={w.week} />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
