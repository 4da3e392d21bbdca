"use client";

import Link from "next/link";
import { PLANS } from "@/server/account/plans/catalog";
import { PLAN_PAGE } from "@/server/account/plans/labels";
import { useCurrentPlan } from "./use-current-plan";

/** Shown where a page asked for days before the plan's history window: the server read from the window's start. */
export function HistoryLimitNote({ from, className }: { from: string; className?: string }) {
  const { data } = useCurrentPlan();
  if (!data?.historyStart || from >= data.historyStart) return null;
  const days = data.plan.entitlements.historyDays;
  return (
    <p role="note" className={className ?? "text-sm text-zinc-600 dark:text-zinc-400"}>
      {PLANS[data.plan.id].name} shows the last {days} days —{" "}
      <Link href={PLAN_PAGE} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
        upgrade
      </Link>{" "}
      to see all of your history.
    </p>
  );
}
