"use client";

import { useQuery } from "@tanstack/react-query";
import type { UnitPrefs } from "@/components/dashboard/metric-format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { rangeEnding, RISK_HISTORY_DAYS } from "./insights-constants";
import { InsightsSection } from "./insights-section";
import { RiskCard } from "./risk-card";

/** Risk flags of the last 30 days, newest first, each with the data that raised it. */
export function RiskHistory({ today, units }: { today: string; units: UnitPrefs }) {
  const trpc = useTRPC();
  const risks = useQuery(trpc.insights.risks.queryOptions(rangeEnding(today, RISK_HISTORY_DAYS)));
  return (
    <InsightsSection id="risks" title="Risks" description={`Flags raised against your own normal ranges in the last ${RISK_HISTORY_DAYS} days. Signals to notice, not a diagnosis.`}>
      {risks.isPending ? (
        <Skeleton className="h-24" />
      ) : risks.isError ? (
        <Alert variant="error">Your risk flags could not be loaded: {risks.error.message}</Alert>
      ) : risks.data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No risk flags in the last {RISK_HISTORY_DAYS} days.</p>
      ) : (
        <div className="flex flex-col gap-3">
          {risks.data.map((risk) => (
            <RiskCard key={risk.id} risk={risk} units={units} />
          ))}
        </div>
      )}
    </InsightsSection>
  );
}
