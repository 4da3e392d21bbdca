"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NarrativeHint } from "@/components/plans/narrative-hint";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { RecommendationStatus } from "@/server/health/analytics/types";
import { PLAN_PAGE_SIZE, PLAN_TABS } from "./plan-constants";
import { RecommendationCard } from "./recommendation-card";

/** To do / done / dismissed, each a paged list; the chosen tab is kept in the address (?tab=). */
export function ActionPlanTabs({ initialTab, today }: { initialTab: RecommendationStatus; today: string }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState(initialTab);
  const counts = useQuery(trpc.actionPlan.counts.queryOptions());
  const choose = (value: string) => {
    const status = value as RecommendationStatus;
    setTab(status);
    const url = new URL(window.location.href);
    if (status === "open") url.searchParams.delete("tab");
    else url.searchParams.set("tab", status);
    window.history.replaceState(null, "", url);
  };

  return (
    <Tabs value={tab} onValueChange={choose}>
      <TabsList aria-label="Action plan">
        {PLAN_TABS.map((t) => (
          <TabsTrigger key={t.status} value={t.status}>
            {t.label}
            {counts.data ? <span className="ml-1.5 tabular-nums text-zinc-500">({counts.data[t.status] ?? 0})</span> : null}
          </TabsTrigger>
        ))}
      </TabsList>
      {PLAN_TABS.map((t) => (
        <TabsContent key={t.status} value={t.status}>
          <PlanList status={t.status} empty={t.empty} today={today} />
        </TabsContent>
      ))}
    </Tabs>
  );
}

function PlanList({ status, empty, today }: { status: RecommendationStatus; empty: string; today: string }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.actionPlan.list.infiniteQueryOptions({ status, limit: PLAN_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  if (list.isPending) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading recommendations">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-32" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <Alert variant="error" className="flex flex-wrap items-center justify-between gap-2">
        <span>Your action plan could not be loaded: {list.error.message}</span>
        <Button size="sm" variant="outline" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title={`Nothing here`} description={empty} />;
  return (
    <div className="flex flex-col gap-3">
      {status === "open" ? <NarrativeHint /> : null}
      {items.map((r) => (
        <RecommendationCard key={r.id} recommendation={r} today={today} />
      ))}
      {list.hasNextPage ? (
        <div>
          <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
            Show older
          </Button>
        </div>
      ) : null}
    </div>
  );
}
