"use client";

import { Sparkles } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { PLANS, type PlanId } from "@/server/account/plans/catalog";
import { PLAN_PAGE } from "@/server/account/plans/labels";
import { planErrorOf } from "./plan-error";


function SeePlans({ plan }: { plan: PlanId }) {
  return (
    <p className="mt-1 font-medium">
      This needs {PLANS[plan].name} —{" "}
      <Link href={PLAN_PAGE} className="underline underline-offset-4 hover:no-underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        See plans
      </Link>
    </p>
  );
}

/**
 * The upgrade message for a call the plan refused (tRPC error data.reason "plan.upgrade-required" or
 * "plan.daily-limit-reached"); nothing for any other error, so callers show those themselves.
 */
export function UpgradeNotice({ error, className }: { error: unknown; className?: string }) {
  const planError = planErrorOf(error);
  if (!planError) return null;
  return (
    <Alert variant="error" className={className}>
      {planError.limit !== null ? <p className="font-medium">{`${planError.limit} of ${planError.limit} today`}</p> : null}
      <p>{planError.message}</p>
      {planError.requiredPlan ? <SeePlans plan={planError.requiredPlan} /> : null}
    </Alert>
  );
}

/** A quiet hint where a feature the plan lacks would be (e.g. the AI summaries of recommendations). */
export function UpgradeHint({ children, plan, className }: { children: React.ReactNode; plan: PlanId; className?: string }) {
  return (
    <div role="note" className={cn("flex items-start gap-2 rounded-md border border-dashed border-brand-300 p-3 text-sm text-zinc-700 dark:border-brand-700 dark:text-zinc-300", className)}>
      <Sparkles className="mt-0.5 size-4 shrink-0 text-brand-600" aria-hidden />
      <div>
        <p>{children}</p>
        <SeePlans plan={plan} />
      </div>
    </div>
  );
}
