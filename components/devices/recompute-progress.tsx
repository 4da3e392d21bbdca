"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import type { RecomputeView } from "@/server/health/devices/views";

const POLL_MS = 1000;

const isActive = (view: RecomputeView | null | undefined) => view?.status === "queued" || view?.status === "running";

/** What the bar says: "Re-computing 12 of 40 days…" while the job runs, the total once it is done. */
export function recomputeLabel(view: RecomputeView): string {
  if (view.totalDays === null) return "Getting ready to re-compute your daily summaries…";
  const days = `${view.totalDays} ${view.totalDays === 1 ? "day" : "days"}`;
  if (view.status === "succeeded") return `Re-computed ${view.totalDays} of ${days} with the new order.`;
  return `Re-computing ${view.doneDays} of ${days}…`;
}

/**
 * The background re-computation of the daily summaries after a priority change: polled while
 * it runs, shown for a while after it finished.
 */
export function RecomputeProgress() {
  const trpc = useTRPC();
  const recompute = useQuery({
    ...trpc.devices.priority.recompute.queryOptions(),
    refetchInterval: (query) => (isActive(query.state.data) ? POLL_MS : false),
  });
  const view = recompute.data;
  if (!view) return null;
  if (view.status === "failed") {
    return <Alert variant="error">Re-computing your daily summaries failed; move a source again to retry.</Alert>;
  }
  const total = view.totalDays ?? 0;
  const percent = view.totalDays === null ? null : total === 0 ? 100 : Math.round((view.doneDays / total) * 100);
  return (
    <div className="flex flex-col gap-1" data-testid="priority-recompute">
      <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {recomputeLabel(view)}
      </p>
      <div
        role="progressbar"
        aria-label="Re-computing daily summaries"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={view.totalDays === null ? undefined : view.doneDays}
        aria-valuetext={recomputeLabel(view)}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={percent === null ? "h-full w-1/3 animate-pulse bg-brand-600" : "h-full bg-brand-600 transition-[width]"} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
