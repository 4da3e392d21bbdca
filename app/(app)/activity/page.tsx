import { ActivityOverview } from "@/components/activity/activity-overview";
import { activityInputs } from "@/components/activity/queries";
import { bodyPage } from "@/components/trends/body-page";
import { RangeLinks } from "@/components/trends/range-links";
import { parseDays, rangeEnding } from "@/components/trends/range";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Activity" };

const RANGES = [7, 30, 90] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const { today } = await bodyPage("/activity");
  const days = parseDays((await searchParams).days, RANGES, 30);
  const range = rangeEnding(today, days);
  const inputs = activityInputs(range);
  await Promise.all([
    prefetch(trpc.trends.series.queryOptions(inputs.steps)),
    prefetch(trpc.trends.series.queryOptions(inputs.activeMinutes)),
    prefetch(trpc.trends.series.queryOptions(inputs.activeEnergy)),
    prefetch(trpc.trends.series.queryOptions(inputs.totalEnergy)),
    prefetch(trpc.trends.load.queryOptions(inputs.load)),
    getQueryClient().prefetchInfiniteQuery(trpc.trends.workouts.infiniteQueryOptions(inputs.workouts, { getNextPageParam: (page) => page.nextCursor })),
  ]);
  return (
    <>
      <PageHeader title="Activity" description="Steps, active minutes, energy burned, training load and workouts." actions={<RangeLinks path="/activity" days={days} options={RANGES} />} />
      <HydrateClient>
        <ActivityOverview range={range} days={days} />
      </HydrateClient>
    </>
  );
}
