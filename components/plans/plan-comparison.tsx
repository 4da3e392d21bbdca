"use client";

import { Check, Minus } from "lucide-react";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PlanId } from "@/server/account/plans/catalog";
import type { PlanView } from "@/server/account/plans/schemas";
import { featuresOf, priceOf } from "./plan-features";

interface PlanComparisonProps {
  plans: PlanView[];
  current: PlanId;
  /** The plans a checkout can start for; empty: plans are set by an administrator. */
  checkoutPlans: PlanId[];
  /** The user has a Stripe subscription: plan changes go through the portal. */
  manageInPortal: boolean;
  onUpgrade: (plan: "pro" | "team") => void;
  pendingPlan: PlanId | null;
}

/** The three plans side by side (stacked on narrow screens), with what each includes and how to get it. */
export function PlanComparison({ plans, current, checkoutPlans, manageInPortal, onUpgrade, pendingPlan }: PlanComparisonProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        Compare plans
      </h2>
      <ul className="grid gap-4 md:grid-cols-3">
        {plans.map((plan) => {
          const isCurrent = plan.id === current;
          const canBuy = plan.id !== "free" && !isCurrent && !manageInPortal && checkoutPlans.includes(plan.id);
          return (
            <li
              key={plan.id}
              aria-current={isCurrent ? "true" : undefined}
              aria-label={`${plan.name} plan`}
              className={cn("flex flex-col gap-3 rounded-lg border p-4", isCurrent ? "border-brand-600 ring-1 ring-brand-600" : "border-zinc-200 dark:border-zinc-800")}
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-base font-semibold">{plan.name}</h3>
                {isCurrent ? <Badge>Your plan</Badge> : null}
              </div>
              <p className="text-xl font-semibold tabular-nums">{priceOf(plan)}</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{plan.tagline}</p>
              <ul className="flex flex-col gap-1.5 text-sm">
                {featuresOf(plan).map((feature) => (
                  <li key={feature.label} className={cn("flex items-start gap-2", !feature.included && "text-zinc-500 line-through decoration-zinc-400")}>
                    {feature.included ? <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden /> : <Minus className="mt-0.5 size-4 shrink-0" aria-hidden />}
                    <span>
                      <span className="sr-only">{feature.included ? "Included: " : "Not included: "}</span>
                      {feature.label}
                    </span>
                  </li>
                ))}
              </ul>
              {canBuy ? (
                <Button className="mt-auto" onClick={() => onUpgrade(plan.id as "pro" | "team")} pending={pendingPlan === plan.id} disabled={pendingPlan !== null}>
                  Upgrade to {plan.name}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
