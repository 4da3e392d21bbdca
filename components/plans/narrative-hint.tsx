"use client";

import { cheapestPlanWith } from "@/server/account/plans/catalog";
import { UpgradeHint } from "./upgrade-notice";
import { useCurrentPlan } from "./use-current-plan";

/** Under recommendations on a plan without AI summaries (when the server can write them): what upgrading adds. */
export function NarrativeHint({ className }: { className?: string }) {
  const { data } = useCurrentPlan();
  if (!data || !data.aiConfigured || data.plan.entitlements.flags["ai-narrative"]) return null;
  return (
    <UpgradeHint plan={cheapestPlanWith("ai-narrative")} className={className}>
      You see the standard advice. AI summaries retell each recommendation for your day.
    </UpgradeHint>
  );
}
