"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AdminStatus } from "@/server/admin/status";
import { RouteTable } from "./route-table";
import { StatusBanner } from "./status-banner";
import { StatusChecks } from "./status-checks";

export const REFRESH_MS = 30_000;

/** The status page's live part: fetched again every 30 s (and on demand), the last answer kept if a refresh fails. */
export function StatusBoard({ initial }: { initial: AdminStatus }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.admin.status.get.queryOptions(undefined, { initialData: initial, refetchInterval: REFRESH_MS }));
  const { report, routes } = query.data;
  return (
    <div className="flex flex-col gap-6">
      <StatusBanner status={report.status}>
        <div className="flex items-center gap-3 text-sm">
          <span>
            Updated <RelativeTime date={new Date(report.generatedAt)} />
          </span>
          <Button size="sm" variant="outline" onClick={() => void query.refetch()} pending={query.isFetching} aria-label="Refresh the status now">
            <RefreshCw aria-hidden className="size-4" />
            Refresh
          </Button>
        </div>
      </StatusBanner>
      {query.isRefetchError ? <Alert variant="error">The status could not be refreshed ({query.error.message}); showing the last answer.</Alert> : null}
      <StatusChecks checks={report.checks} />
      <RouteTable routes={routes} minutes={report.window.minutes} />
    </div>
  );
}
