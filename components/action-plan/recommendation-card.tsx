"use client";

import { Check, RotateCcw, TrendingUp, X } from "lucide-react";
import { useId } from "react";
import { basisLabel, relativeDay } from "@/components/insights/format";
import { Button } from "@/components/ui/button";
import { useSyncedRows } from "@/components/sync/hooks";
import { cn } from "@/components/ui/cn";
import type { RecommendationView } from "@/server/health/analytics/insights/schemas";
import { useMarkRecommendation } from "./use-mark-recommendation";

interface RecommendationCardProps {
  recommendation: RecommendationView;
  /** The user's local date, to say "today" / "yesterday". */
  today: string;
  /** The dashboard's short form: no "why" list. */
  compact?: boolean;
}

/** One recommendation with its expected impact, why it was made, and buttons to mark it (its mark as this device has it). */
export function RecommendationCard({ recommendation, today, compact = false }: RecommendationCardProps) {
  const titleId = useId();
  const synced = useSyncedRows("recommendations")?.find((row) => row.id === recommendation.id);
  const r = synced ? { ...recommendation, status: synced.status as RecommendationView["status"] } : recommendation;
  const mark = useMarkRecommendation(r.title);
  const pendingStatus = mark.isPending ? mark.variables?.status : undefined;
  const set = (status: RecommendationView["status"]) => mark.mutate({ id: r.id, status });

  return (
    <article aria-labelledby={titleId} className={cn("flex flex-col gap-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-800", r.status !== "open" && "opacity-80")}>
      <h3 id={titleId} className="font-medium">
        {r.title}
      </h3>
      <p className="flex items-start gap-1.5 text-xs font-medium text-brand-700 dark:text-brand-400">
        <TrendingUp className="mt-px size-3.5 shrink-0" aria-hidden />
        <span>
          <span className="sr-only">Expected impact: </span>
          {r.expectedImpact.text}
        </span>
      </p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{r.narrative ?? r.body}</p>
      {!compact && r.basis.length > 0 ? (
        <p className="text-xs text-zinc-500">
          <span className="font-medium">Why: </span>
          {r.basis.map(basisLabel).join(" · ")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs text-zinc-500">
          For {relativeDay(r.localDate, today)}
          {r.status === "done" ? " · done" : r.status === "dismissed" ? " · dismissed" : ""}
        </span>
        <div className="flex gap-2">
          {r.status === "open" ? (
            <>
              <Button size="sm" onClick={() => set("done")} pending={pendingStatus === "done"} disabled={mark.isPending}>
                <Check className="size-4" aria-hidden />
                Mark done
              </Button>
              <Button size="sm" variant="outline" onClick={() => set("dismissed")} pending={pendingStatus === "dismissed"} disabled={mark.isPending}>
                <X className="size-4" aria-hidden />
                Dismiss
              </Button>
            </>
          ) : (
            <Button size="sm" variant="outline" onClick={() => set("open")} pending={pendingStatus === "open"} disabled={mark.isPending}>
              <RotateCcw className="size-4" aria-hidden />
              Move back to to-do
            </Button>
          )}
        </div>
      </div>
    </article>
  );
}
