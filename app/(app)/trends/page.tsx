import { bodyPage } from "@/components/trends/body-page";
import { parseTrendChoice } from "@/components/trends/choice";
import { seriesInputOf, WEEKLY_WEEKS } from "@/components/trends/queries";
import { TrendsExplorer } from "@/components/trends/trends-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Trends" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TrendsPage({ searchParams }: { searchParams: SearchParams }) {
  const { today } = await bodyPage("/trends");
  const choice = parseTrendChoice(await searchParams, today);
  await Promise.all([
    prefetch(trpc.trends.series.queryOptions(seriesInputOf(choice, choice.metric))),
    choice.compare ? prefetch(trpc.trends.series.queryOptions(seriesInputOf(choice, choice.compare))) : null,
    prefetch(trpc.trends.weekly.queryOptions({ weeks: WEEKLY_WEEKS })),
  ]);
  return (
    <>
      <PageHeader title="Trends" description="Any metric over any range, by hour, day, week or month — and two side by side." />
      <HydrateClient>
        <TrendsExplorer today={today} />
      </HydrateClient>
    </>
  );
}
