"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import type { CorrelationView } from "@/server/health/analytics/insights/schemas";
import { effectLabel, formatDay, formatQ, lagLabel, seriesLabel } from "./format";
import { CORRELATION_PAGE_SIZE } from "./insights-constants";
import { InsightsSection } from "./insights-section";

/** Correlations between the user's daily series as sentences with their statistics; the not-significant ones on request. */
export function CorrelationList() {
  const trpc = useTRPC();
  const switchId = useId();
  const [showAll, setShowAll] = useState(false);
  const list = useInfiniteQuery(
    trpc.insights.correlations.infiniteQueryOptions(
      { significantOnly: !showAll, limit: CORRELATION_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: (previous) => previous },
    ),
  );
  const summary = list.data?.pages[0]?.summary;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <InsightsSection
      id="correlations"
      title="Correlations"
      description={
        summary && summary.tested > 0
          ? `${summary.significant} of ${summary.tested} pairs tested passed the false-discovery check (Benjamini–Hochberg, q ≤ 0.05)${summary.computedOn ? `; computed ${formatDay(summary.computedOn)}` : ""}.`
          : "Links between your sleep, heart, activity and score, with honest statistics."
      }
      actions={
        <div className="flex items-center gap-2">
          <Switch id={switchId} checked={showAll} onCheckedChange={setShowAll} />
          <Label htmlFor={switchId} className="text-sm">
            Show not significant
          </Label>
        </div>
      }
    >
      {list.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
      ) : list.isError ? (
        <Alert variant="error">Your correlations could not be loaded: {list.error.message}</Alert>
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {summary && summary.tested > 0
            ? "None of the pairs tested is significant yet. Patterns need at least 14 days of both series, and more days make real effects stand out."
            : "No correlations yet. They are computed daily once there are at least 14 days of data."}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-col gap-3" data-testid="correlations">
            {items.map((c) => (
              <CorrelationItem key={c.id} correlation={c} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <div>
              <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
                Show more
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </InsightsSection>
  );
}

function CorrelationItem({ correlation: c }: { correlation: CorrelationView }) {
  return (
    <li className="flex flex-col gap-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <p className="text-sm font-medium">{c.sentence}</p>
      <div className="flex flex-wrap gap-2 text-xs">
        <Badge variant={c.significant ? (c.strength === "strong" ? "success" : "default") : "outline"}>{c.significant ? c.strength : "not significant"}</Badge>
        <Badge variant="neutral">n = {c.n}</Badge>
        <Badge variant="neutral">{formatQ(c.qValue)}</Badge>
        <Badge variant="neutral">
          {seriesLabel(c.x)} → {seriesLabel(c.y)}, {lagLabel(c.lag)}
        </Badge>
      </div>
      <p className="text-xs text-zinc-500">{effectLabel(c)}</p>
    </li>
  );
}
