"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NarrativeHint } from "@/components/plans/narrative-hint";
import { useSyncedRows } from "@/components/sync/hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { RecommendationView } from "@/server/health/analytics/insights/schemas";
import type { RecommendationStatus } from "@/server/health/analytics/types";
import { PLAN_PAGE_SIZE, PLAN_TABS } from "./plan-constants";
import { planOf } from "./plan-view";
import { RecommendationCard } from "./recommendation-card";

/** To do / done / dismissed from this device's copy, each paged on the client; the chosen tab is kept in the address (?tab=). */
export function ActionPlanTabs({ initialTab, today }: { initialTab: RecommendationStatus; today: string }) {
  const rows = useSyncedRows("recommendations");
  const plan = rows ? planOf(rows) : undefined;
  const [tab, setTab] = useState(initialTab);
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
            {plan ? <span className="ml-1.5 tabular-nums text-zinc-500">({plan.counts[t.status]})</span> : null}
          </TabsTrigger>
        ))}
      </TabsList>
      {PLAN_TABS.map((t) => (
        <TabsContent key={t.status} value={t.status}>
          <PlanList status={t.status} items={plan?.lists[t.status]} empty={t.empty} today={today} />
        </TabsContent>
      ))}
    </Tabs>
  );
}

function PlanList({ status, items, empty, today }: { status: RecommendationStatus; items: RecommendationView[] | undefined; empty: string; today: string }) {
  const [shown, setShown] = useState(PLAN_PAGE_SIZE);
  if (!items) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading recommendations">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-32" />
        ))}
      </div>
    );
  }
  if (items.length === 0) return <EmptyState title={`Nothing here`} description={empty} />;
  return (
    <div className="flex flex-col gap-3">
      {status === "open" ? <NarrativeHint /> : null}
      {items.slice(0, shown).map((r) => (
        <RecommendationCard key={r.id} recommendation={r} today={today} />
      ))}
      {items.length > shown ? (
        <div>
          <Button variant="outline" size="sm" onClick={() => setShown((n) => n + PLAN_PAGE_SIZE)}>
            Show older
          </Button>
        </div>
      ) : null}
    </div>
  );
}
