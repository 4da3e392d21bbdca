import { PlanSettings } from "@/components/plans/plan-settings";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Plan & billing" };

type Props = { searchParams: Promise<{ checkout?: string | string[] }> };

export default async function PlanPage({ searchParams }: Props) {
  await requireUser("/settings/plan");
  const { checkout } = await searchParams;
  await Promise.all([prefetch(trpc.plans.current.queryOptions()), prefetch(trpc.plans.catalog.queryOptions())]);
  return (
    <HydrateClient>
      <PlanSettings checkout={checkout === "success" || checkout === "canceled" ? checkout : null} />
    </HydrateClient>
  );
}
