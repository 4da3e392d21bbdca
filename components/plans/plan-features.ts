import type { PlanView } from "@/server/account/plans/schemas";

export interface PlanFeature {
  label: string;
  included: boolean;
}

const perDay = (limit: number | null, noun: string) => (limit === null ? `Unlimited ${noun}` : `${limit} ${noun} a day`);

/** What a plan includes, in the words the plan page lists (from the catalog's entitlements). */
export function featuresOf(plan: PlanView): PlanFeature[] {
  const { entitlements: e } = plan;
  return [
    { label: e.historyDays === null ? "All of your history" : `The last ${e.historyDays} days of history`, included: true },
    { label: "AI summaries of your recommendations", included: e.flags["ai-narrative"] ?? false },
    { label: perDay(e.perDay.exports ?? null, "exports"), included: true },
    { label: perDay(e.perDay["manual-syncs"] ?? null, "manual syncs"), included: true },
    { label: "Organization with coaches and a team dashboard", included: e.flags["team-dashboard"] ?? false },
  ];
}

/** "$9 / month", or "Free". */
export function priceOf(plan: Pick<PlanView, "monthlyPriceCents">): string {
  if (plan.monthlyPriceCents === 0) return "Free";
  const dollars = plan.monthlyPriceCents / 100;
  return `$${Number.isInteger(dollars) ? dollars : dollars.toFixed(2)} / month`;
}
