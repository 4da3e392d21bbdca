"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CreditCard } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { CurrentPlanView } from "@/server/account/plans/schemas";
import { useBillingActions } from "./billing-actions";
import { PlanComparison } from "./plan-comparison";
import { UsageMeter } from "./usage-meter";

type Subscription = NonNullable<CurrentPlanView["subscription"]>;

const STATUS: Record<Subscription["status"], { label: string; variant: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", variant: "success" },
  trialing: { label: "Trial", variant: "success" },
  past_due: { label: "Payment failed", variant: "warning" },
  canceled: { label: "Canceled", variant: "neutral" },
};

function periodText(subscription: Subscription, timeZone: string): string | null {
  if (!subscription.currentPeriodEnd || subscription.status === "canceled") return null;
  const day = subscription.currentPeriodEnd.toLocaleDateString(undefined, { dateStyle: "long", timeZone });
  return subscription.cancelAtPeriodEnd ? `Ends on ${day}; you are back on Free after that.` : `Renews on ${day}.`;
}

const CHECKOUT_MESSAGES = {
  success: { variant: "success", text: "Thank you! Your payment went through; your plan changes as soon as Stripe confirms the subscription (usually within a minute)." },
  canceled: { variant: "info", text: "Checkout was canceled. Nothing changed." },
} as const;

/** Settings → Plan & billing: the user's plan and status, today's usage, the plans side by side, and the Stripe actions. */
export function PlanSettings({ checkout }: { checkout: "success" | "canceled" | null }) {
  const trpc = useTRPC();
  const waitingForStripe = checkout === "success";
  const { data: current } = useSuspenseQuery(
    trpc.plans.current.queryOptions(undefined, { refetchInterval: (query) => (waitingForStripe && query.state.data?.plan.id === "free" ? 3000 : false) }),
  );
  const { data: catalog } = useSuspenseQuery(trpc.plans.catalog.queryOptions());
  const billing = useBillingActions();
  const { subscription } = current;
  const period = subscription ? periodText(subscription, current.timeZone) : null;
  const message = checkout ? CHECKOUT_MESSAGES[checkout] : null;

  return (
    <div className="flex flex-col gap-6">
      {message ? <Alert variant={message.variant}>{message.text}</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            <span>{current.plan.name} plan</span>
            {subscription && subscription.status !== "canceled" ? <Badge variant={STATUS[subscription.status].variant}>{STATUS[subscription.status].label}</Badge> : null}
          </CardTitle>
          <CardDescription>{current.plan.tagline}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-2 text-sm">
          {period ? <p>{period}</p> : null}
          {subscription?.status === "past_due" ? <p>Stripe could not take the last payment. Update your payment method under Manage billing to keep your plan.</p> : null}
          {subscription?.source === "manual" && subscription.status !== "canceled" ? <p>An administrator set this plan.</p> : null}
          {!current.stripeConfigured ? (
            <p className="text-zinc-600 dark:text-zinc-400">Plans on this server are set by an administrator: ask your administrator to change yours.</p>
          ) : null}
          {billing.error ? <Alert variant="error">{billing.error.message}</Alert> : null}
        </CardContent>
        {subscription?.manageable ? (
          <CardFooter>
            <Button variant="outline" onClick={() => billing.portal.mutate()} pending={billing.portal.isPending}>
              <CreditCard className="size-4" aria-hidden />
              Manage billing
            </Button>
          </CardFooter>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Today&apos;s usage</CardTitle>
          <CardDescription>
            Counted on your day in {current.timeZone}; it starts again at your midnight.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {current.usage.map((usage) => (
            <UsageMeter key={usage.feature} usage={usage} />
          ))}
        </CardContent>
      </Card>

      <PlanComparison
        plans={catalog}
        current={current.plan.id}
        checkoutPlans={current.checkoutPlans}
        manageInPortal={subscription?.source === "stripe" && subscription.status !== "canceled"}
        onUpgrade={(plan) => billing.checkout.mutate({ plan })}
        pendingPlan={billing.checkout.isPending ? (billing.checkout.variables?.plan ?? null) : null}
      />
      {!current.stripeConfigured ? <p className="text-sm text-zinc-600 dark:text-zinc-400">To change plans, ask your administrator.</p> : null}
    </div>
  );
}
